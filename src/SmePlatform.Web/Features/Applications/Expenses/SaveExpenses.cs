using FluentValidation;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Expenses;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Form">The step's fields as posted (its validator is <see cref="ExpensesFormValidator"/>).</param>
public sealed record SaveExpensesCommand(int BusinessId, int ApplicationId, ExpensesForm Form);

/// <summary>
/// Saves the project period, the amount requested, the track and top-ups and the expense lines of an editable
/// application, all of it or nothing: checked against the measure's terms, the day the application was begun (no
/// project starts before it) and today (none has already ended). Another business's application, or one no longer
/// editable, is not found.
/// </summary>
public sealed class SaveExpensesHandler(ApplicationStore store, IValidator<ExpensesForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<ApplicationFile>> HandleAsync(SaveExpensesCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, tracked: true, cancellationToken) is not { IsEditable: true } file)
        {
            return Outcome.NotFound;
        }

        var form = command.Form;
        form.Terms = file.Measure.Terms;
        (form.EarliestStart, form.Today) = (Readiness.EarliestStart(file), JapanTime.DateOf(clock.GetUtcNow().UtcDateTime));
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        store.SetExpenses(file.Application, ExpensesForm.Date(form.ProjectStart), ExpensesForm.Date(form.ProjectEnd), ExpensesForm.Yen(form.RequestedYen), form.ToLines());
        store.SetTerms(file.Application, form.ChosenTrack, form.ChosenTopUps);
        await store.SaveAsync(cancellationToken);
        return Outcome.Done(file);
    }
}
