using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// What the reviewer asked to correct in the round returned, as the applicant's pages show it (<c>_Corrections.cshtml</c>):
/// on the application's status page all of it — the reviewer's reason, each item with a link to the step where it is
/// corrected, and the deadline; on a step, the items of that step (on the check page, every item, each linked to its step).
/// </summary>
/// <param name="File">The returned application.</param>
/// <param name="Items">The items asked, in the order the reviewer gave them.</param>
/// <param name="Reason">The reviewer's reason for the return, on the status page.</param>
/// <param name="LinkSteps">Whether each item links to its step (not on the step itself).</param>
public sealed record CorrectionsAsked(ApplicationFile File, IReadOnlyList<CorrectionRequest> Items, string? Reason, bool LinkSteps)
{
    /// <summary>Everything asked, with the reviewer's reason, for the status page; null unless the application is returned.</summary>
    public static CorrectionsAsked? ForApplication(ApplicationFile file, string? reason) =>
        file.Application.Status == ApplicationStatus.ReturnedForCorrection ? new(file, Asked(file).ToList(), reason, LinkSteps: true) : null;

    /// <summary>What is asked on one step (on the check page, everything, linked); null when nothing is.</summary>
    public static CorrectionsAsked? ForStep(ApplicationFile file, string step)
    {
        if (file.Application.Status != ApplicationStatus.ReturnedForCorrection)
        {
            return null;
        }

        var check = step == ApplicationFile.CheckStep;
        var items = Asked(file).Where(c => check || file.StepOf(c.FieldKey) == step).ToList();
        return items.Count == 0 ? null : new(file, items, null, LinkSteps: check);
    }

    /// <summary>The first step with something to correct: where the applicant starts correcting.</summary>
    public string FirstStep => File.Steps.FirstOrDefault(step => Items.Any(c => File.StepOf(c.FieldKey) == step)) ?? ApplicationFile.ProfileStep;

    /// <summary>An item's name: the form field's label, or the standard item's (事業者情報, 経費明細 …).</summary>
    public static string Label(FormDefinition form, string key, IStringLocalizer t) =>
        form.Field(key) is { } field ? Display.Text(field.LabelJa, field.LabelEn) : t["Apply.CorrectionItem." + key].Value;

    private static IEnumerable<CorrectionRequest> Asked(ApplicationFile file) =>
        file.Application.Corrections.Where(c => c.Round == file.Application.Rounds).OrderBy(c => c.Id);
}
