using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Sections;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Section">The section's key.</param>
/// <param name="Intent">The button pressed (<see cref="ApplicationIntent"/>): only <see cref="ApplicationIntent.Next"/> needs every answer.</param>
/// <param name="Remove">An attachment to remove, when its button was pressed.</param>
/// <param name="Posted">
/// The form as posted: the section's fields (<c>Answers.{key}</c>, files under <c>Files.{key}</c>) are the form
/// definition's, known only once the application is loaded, so they are read from the post rather than bound.
/// </param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record SaveSectionCommand(int BusinessId, int ApplicationId, string Section, string? Intent, int? Remove, IFormCollection Posted, string UserId)
{
    public bool MovesOn => Intent == ApplicationIntent.Next;
}

/// <summary>A section as saved: the answers as typed (they go back to the page as typed), and what was refused, beside its field.</summary>
public sealed record SavedSection(ApplicationFile File, FormSection Section, SectionAnswers Answers, IReadOnlyList<ValidationFailure> Refused);

/// <summary>
/// Every answer valid for its field (<see cref="FieldInput"/>) when moving on; otherwise only what was typed is checked,
/// so that an answer typed wrongly is refused (and said so) but an empty one may wait.
/// </summary>
public sealed class SectionAnswersValidator : AbstractValidator<SectionAnswers>
{
    public SectionAnswersValidator(IStringLocalizer<SharedResource> t) =>
        RuleForEach(a => a.Answers).Custom((answer, context) =>
        {
            if (!answer.Result.IsValid && (context.InstanceToValidate.AllRequired || answer.Typed.Any(v => !string.IsNullOrWhiteSpace(v))))
            {
                context.AddFailure(new ValidationFailure(answer.Name, AnswerMessage.Of(answer.Field, answer.Result, t)));
            }
        });
}

/// <summary>
/// Saves a section of an editable application: valid answers are stored, invalid ones are refused beside their field
/// (never dropped unseen, whatever the button); files are checked and stored at once, and a removal takes its file
/// away. Moving on also needs the section's first required file. What was valid is saved even when something was
/// refused. Another business's application, one no longer editable, or a section the form lacks is not found.
/// </summary>
public sealed class SaveSectionHandler(ApplicationStore store, IValidator<SectionAnswers> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<SavedSection>> HandleAsync(SaveSectionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, tracked: true, cancellationToken) is not { IsEditable: true } file
            || file.Form.Sections.FirstOrDefault(s => s.Key == command.Section) is not { } section)
        {
            return Outcome.NotFound;
        }

        var refused = new List<ValidationFailure>();
        foreach (var field in section.Fields.Where(f => f.Kind == FieldKind.File))
        {
            var uploads = command.Posted.Files.GetFiles($"Files.{field.Key}");
            foreach (var (fileName, problem) in await store.AttachAllAsync(file.Application, field.Key, uploads, command.UserId))
            {
                refused.Add(new ValidationFailure($"Files.{field.Key}", ApplicationStore.ProblemText(t, fileName, problem)));
            }
        }

        var answers = SectionAnswers.Of(section, command.Posted, allRequired: command.MovesOn);
        refused.AddRange((await validator.ValidateAsync(answers, cancellationToken)).Errors);
        if (command.Remove is { } attachmentId)
        {
            store.Detach(file.Application, attachmentId);
        }

        store.SetAnswers(file.Application, answers.Valid);
        await store.SaveAsync(cancellationToken);
        var missingFile = section.Fields.FirstOrDefault(f => f.Kind == FieldKind.File && f.Required && !file.FilesFor(f.Key).Any());
        if (command.MovesOn && missingFile is not null && !refused.Any(f => f.PropertyName == $"Files.{missingFile.Key}"))
        {
            // Named as the check page names it: 「「事業計画書（PDF等）」のファイルを添付してください」.
            refused.Add(new ValidationFailure($"Files.{missingFile.Key}", t["Apply.Blocker.FileMissing", Display.Text(missingFile.LabelJa, missingFile.LabelEn)]));
        }

        return Outcome.Done(new SavedSection(file, section, answers, refused));
    }
}
