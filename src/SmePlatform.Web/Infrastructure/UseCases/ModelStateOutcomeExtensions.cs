using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmePlatform.Web.Infrastructure.UseCases;

/// <summary>A handler's refusals put where the page shows them: each message beside its field, in the error summary.</summary>
public static class ModelStateOutcomeExtensions
{
    /// <summary>Copies an invalid outcome's failures into ModelState under their fields (nothing for any other outcome).</summary>
    public static void AddOutcomeErrors<T>(this ModelStateDictionary modelState, Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        modelState.AddOutcomeErrors(outcome.Errors);
    }

    /// <summary>
    /// Copies failures into ModelState under their fields: for a write that saves what it can and says what it refused
    /// (a section's answers, a report's lines), whose refusals come with its done value.
    /// </summary>
    public static void AddOutcomeErrors(this ModelStateDictionary modelState, IEnumerable<ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
    }
}
