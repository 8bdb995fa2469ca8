using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Review.Page;

/// <summary>
/// The parts of an application a reviewer can ask to have corrected, by key: the profile, each field of the measure's
/// form, the project period, the expense lines and the amount requested. The return form lists them; the corrections
/// already asked are named by them.
/// </summary>
public static class CorrectableFields
{
    /// <summary>The choices for a field list, "choose one" first.</summary>
    public static IReadOnlyList<SelectListItem> Choices(ApplicationFile file, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(t);
        List<SelectListItem> choices = [new(t["Form.ChooseOne"], ""), new(t["Apply.Step.Profile"], "profile")];
        choices.AddRange(file.Form.Fields.Select(f => new SelectListItem(Display.Text(f.LabelJa, f.LabelEn), f.Key)));
        choices.Add(new(t["Apply.ProjectPeriod"], "projectPeriod"));
        choices.Add(new(t["Apply.ExpenseLines"], "expenses"));
        choices.Add(new(t["Apply.RequestedYen"], "requestedYen"));
        return choices;
    }

    /// <summary>A field's name as the list shows it (its key when the form no longer has it).</summary>
    public static string NameOf(IReadOnlyList<SelectListItem> choices, string key) => choices.FirstOrDefault(c => c.Value == key)?.Text ?? key;
}
