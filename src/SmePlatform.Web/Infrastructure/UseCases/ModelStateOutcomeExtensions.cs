using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmePlatform.Web.Infrastructure.UseCases;

public static class ModelStateOutcomeExtensions
{
    /// <summary>
    /// Copies an invalid outcome's failures into ModelState under their fields, where the error summary and each field
    /// find them: the controller's half of "the handler validates" (ADR 0016).
    /// </summary>
    public static void AddOutcomeErrors<T>(this ModelStateDictionary modelState, Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var failure in outcome.Errors)
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
    }
}
