using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>Something that stops a submission, with the step where it is put right.</summary>
public sealed record Blocker(string Step, string MessageKey, params object[] Args);

/// <summary>
/// Everything an application needs before it may be submitted, in the order of its steps: the profile items the
/// form takes, every answer valid and every required file attached, the project period, and the calculated checks.
/// </summary>
public static class Readiness
{
    /// <summary>The key of a blocker that is an answer (its field and why it was refused), put into words by <see cref="AnswerMessage"/>.</summary>
    public const string AnswerKey = "Answer";

    public static IReadOnlyList<Blocker> Of(ApplicationFile file, IReadOnlyDictionary<string, PrefillValue> profile, IReadOnlyList<CheckResult> checks)
    {
        var blockers = new List<Blocker>();
        blockers.AddRange(file.Form.ProfileFields
            .Where(field => !profile.ContainsKey(field))
            .Select(field => new Blocker(ApplicationFile.ProfileStep, "Apply.Blocker.ProfileMissing", "BusinessField." + field)));

        foreach (var section in file.Form.Sections)
        {
            foreach (var field in section.Fields)
            {
                if (field.Kind == FieldKind.File)
                {
                    if (field.Required && !file.FilesFor(field.Key).Any())
                    {
                        blockers.Add(new Blocker(section.Key, "Apply.Blocker.FileMissing", field.LabelJa, field.LabelEn));
                    }
                }
                else if (FieldInput.Check(field, Stored(file.Answer(field.Key), field)) is { IsValid: false } refused)
                {
                    blockers.Add(new Blocker(section.Key, AnswerKey, field, refused));
                }
            }
        }

        var application = file.Application;
        if (application.ProjectStart is not { } start || application.ProjectEnd is not { } end || end < start)
        {
            blockers.Add(new Blocker(ApplicationFile.ExpensesStep, "Apply.Blocker.ProjectPeriod"));
        }

        blockers.AddRange(checks.Where(c => !c.Passed).Select(c => new Blocker(ApplicationFile.ExpensesStep, c.Key, c.Args)));
        return blockers;
    }

    /// <summary>A blocker in the reader's language: an answer as its field says it, a profile item by its label, amounts in yen.</summary>
    public static string Text(Blocker blocker, IStringLocalizer t) => blocker switch
    {
        { MessageKey: AnswerKey, Args: [FormField field, FieldResult refused] } => AnswerMessage.Of(field, refused, t),
        { MessageKey: "Apply.Blocker.FileMissing", Args: [string ja, string en] } => t[blocker.MessageKey, Display.Text(ja, en)],
        _ => t[blocker.MessageKey, Display.Arguments(blocker.Args.Select(v => v is string key && key.StartsWith("BusinessField.", StringComparison.Ordinal) ? t[key].Value : v))],
    };

    /// <summary>A returned application whose correction deadline has passed can no longer be resubmitted.</summary>
    public static Blocker? Overdue(ApplicationFile file, DateTime nowUtc) =>
        file.Application is { Status: ApplicationStatus.ReturnedForCorrection, CorrectionDueAtUtc: { } due } && nowUtc >= due
            ? new Blocker(ApplicationFile.CheckStep, "Apply.Blocker.CorrectionOverdue", due)
            : null;

    /// <summary>The first day a project may start: the day the application was begun, in Japan (spending before it is never eligible).</summary>
    public static DateOnly EarliestStart(ApplicationFile file) => JapanTime.DateOf(file.Application.CreatedAtUtc);

    /// <summary>A project period that starts before the application was begun, or has already ended, cannot be submitted.</summary>
    public static Blocker? PeriodProblem(ApplicationFile file, DateTime nowUtc) => file.Application switch
    {
        { ProjectStart: { } start } when start < EarliestStart(file) => new Blocker(ApplicationFile.ExpensesStep, "Apply.Blocker.ProjectStartsBeforeApplication", EarliestStart(file)),
        { ProjectEnd: { } end } when end < JapanTime.DateOf(nowUtc) => new Blocker(ApplicationFile.ExpensesStep, "Apply.Blocker.ProjectEnded"),
        _ => null,
    };

    public static IReadOnlyList<CheckResult> Checks(ApplicationFile file, TermsOutcome terms, DateTime nowUtc) =>
        CalculatedChecks.Run(terms, file.Window, [.. file.Application.Expenses.Select(e => e.AmountYen)], file.Application.RequestedYen, nowUtc);

    /// <summary>A stored answer as the checker reads typed input (a multiple choice is stored comma-joined).</summary>
    public static IReadOnlyList<string?> Stored(string? answer, FormField field) =>
        field.Kind == FieldKind.MultipleChoice ? answer?.Split(',') ?? [] : new[] { answer };
}
