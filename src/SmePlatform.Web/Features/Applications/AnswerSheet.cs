using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// An application's answers as people read them, for the one rendering (<c>_Answers.cshtml</c>) that the check page, the
/// receipt and the reviewer share: the profile items the form takes, then each section's questions, in the form's
/// order; profile values by <see cref="ProfileValue"/>, answers by <see cref="Text"/>, files by name and size.
/// </summary>
/// <param name="Form">The form the application was made on (its own version).</param>
/// <param name="Profile">Profile item → stored value (a JIS prefecture code, a JSIC code, whole yen, an ISO date…).</param>
/// <param name="Answers">Field key → stored answer (<see cref="FieldInput.Check"/>).</param>
/// <param name="Files">The attachments, each under its field's key.</param>
/// <param name="ProfileTitle">The profile block's heading.</param>
/// <param name="ChangeLinks">The application whose steps the check page links to, to change them; null on the other pages.</param>
public sealed record AnswerSheet(
    FormDefinition Form, IReadOnlyDictionary<string, string> Profile, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<AttachmentContent> Files,
    string ProfileTitle, ApplicationFile? ChangeLinks = null)
{
    /// <summary>What was submitted (the receipt, the reviewer): the content frozen with its hash, on the application's form.</summary>
    public static AnswerSheet Submitted(FormDefinition form, SubmittedContent content, string profileTitle) =>
        new(form, content.Profile, content.Answers, content.Attachments, profileTitle);

    /// <summary>What the application holds now, with links to change each part (the check page).</summary>
    public static AnswerSheet Current(ApplicationFile file, IReadOnlyDictionary<string, PrefillValue> profile, string profileTitle) =>
        new(
            file.Form,
            profile.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
            file.Application.Answers.ToDictionary(a => a.FieldKey, a => a.Value, StringComparer.Ordinal),
            [.. file.Application.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentContent(a.FieldKey, a.FileName, a.SizeBytes, a.Sha256))],
            profileTitle,
            file);

    /// <summary>The files attached under a field, in upload order.</summary>
    public IEnumerable<AttachmentContent> FilesFor(string fieldKey) => Files.Where(f => f.FieldKey == fieldKey);

    /// <summary>
    /// A stored answer as the applicant chose or typed it, in the reader's language: a choice by its label (several
    /// joined as a list), yen as 12,000,000円, a number with its decimals (1,234.5), a date with its era on Japanese pages;
    /// a value the form does not know (a choice since removed) as it is stored.
    /// </summary>
    public static string Text(FormField field, string answer, IStringLocalizer t) => field.Kind switch
    {
        FieldKind.Yen when long.TryParse(answer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yen) => Display.Yen(yen),
        FieldKind.Number when FieldInput.StoredNumber(answer) is { } number => Display.Number(number),
        FieldKind.Date when DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Display.Date(date),
        FieldKind.Choice or FieldKind.MultipleChoice => string.Join(
            t["List.Separator"].Value,
            answer.Split(',').Select(value => field.Choices.FirstOrDefault(c => c.Value == value) is { } choice ? Display.Text(choice.Ja, choice.En) : value)),
        _ => answer,
    };
}

/// <summary>A submission's round as people say it: 1回目, 2回目 / 1st, 2nd.</summary>
public static class RoundText
{
    public static string Nth(IStringLocalizer t, int round) =>
        t["Apply.RoundNth." + (round % 100 is 11 or 12 or 13 ? "Other" : (round % 10) switch { 1 => "1", 2 => "2", 3 => "3", _ => "Other" }), round].Value;
}
