using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmePlatform.Web.Infrastructure.UseCases;

public static class ModelStateOutcomeExtensions
{
    /// <summary>
    /// Copies an invalid outcome's failures into ModelState under their fields, where the error summary and each field
    /// find them (the handler ran the validator; the controller only shows what it said).
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
