using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Web.Features.Applications.Expenses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The standard step of every form: the project period, the amount requested, the track and top-ups and the planned
/// expense lines, with the measure's terms explained on them. Scoped to the business in the route: another business's
/// application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationExpensesController() : Controller
{
    [HttpGet("{applicationId:int}/" + ApplicationFile.ExpensesStep)]
    public async Task<IActionResult> Expenses(int businessId, int applicationId, [FromServices] ExpensesQuery query) =>
        await query.RunAsync(businessId, applicationId) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Saves the step, all of it or nothing (<see cref="SaveExpensesHandler"/>); otherwise it comes back with the messages
    /// and everything typed. "add" shows three more blank lines, saving nothing.
    /// </summary>
    [HttpPost("{applicationId:int}/" + ApplicationFile.ExpensesStep)]
    public async Task<IActionResult> Expenses(
        int businessId, int applicationId, ExpensesForm form, string? intent, [FromServices] SaveExpensesHandler handler, [FromServices] ExpensesQuery query)
    {
        if (intent == ApplicationIntent.AddLines)
        {
            ModelState.Clear();
            form.Lines.AddRange(Enumerable.Range(0, 3).Select(_ => new ExpenseLineForm()));
            return await query.RunAsync(businessId, applicationId, form, editableOnly: true) is { } added ? View(added) : NotFound();
        }

        var outcome = await handler.HandleAsync(new SaveExpensesCommand(businessId, applicationId, form));
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddOutcomeErrors(outcome);
        if (intent == ApplicationIntent.Autosave)
        {
            return outcome.IsDone ? NoContent() : UnprocessableEntity();
        }

        if (outcome.Value is { } file)
        {
            return Redirect(intent == ApplicationIntent.Later ? file.Path() : file.NextAfter(ApplicationFile.ExpensesStep));
        }

        return await query.RunAsync(businessId, applicationId, ExpensesQuery.WithBlankLines(form)) is { } page ? View(page) : NotFound();
    }
}
