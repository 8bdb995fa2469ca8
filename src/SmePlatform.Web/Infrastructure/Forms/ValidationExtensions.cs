using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Infrastructure.Forms;

public static class ValidationExtensions
{
    /// <summary>
    /// Runs the form's validator (server-side validation is the truth) and copies each failure into
    /// ModelState under its field, where the error summary and the field find it. <c>rootData</c> carries what
    /// the validator may need beyond the form, such as the id of the record being edited.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator, T model, ModelStateDictionary modelState, IDictionary<string, object>? rootData = null, CancellationToken cancellationToken = default)
    {
        var context = new ValidationContext<T>(model);
        foreach (var (key, value) in rootData ?? new Dictionary<string, object>())
        {
            context.RootContextData[key] = value;
        }

        var result = await validator.ValidateAsync(context, cancellationToken);
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }

    /// <summary>Each bad query parameter's message (a resource key) under the parameter's name, where a page's field finds it.</summary>
    public static void AddParameterErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, IStringLocalizer localizer)
    {
        foreach (var (parameter, message) in errors)
        {
            modelState.AddModelError(parameter, localizer[message]);
        }
    }

    /// <summary>An API's answer to bad query parameters: 400 ProblemDetails with an error under each bad parameter's name.</summary>
    public static ActionResult ParameterProblem(this ControllerBase controller, IReadOnlyDictionary<string, string> errors, IStringLocalizer localizer)
    {
        controller.ModelState.AddParameterErrors(errors, localizer);
        return controller.ValidationProblem(title: localizer["Api.InvalidTitle"], detail: localizer["Api.InvalidDetail", string.Join(", ", errors.Keys)]);
    }

    /// <summary>Identity's errors beside the field they concern: password rules at the password, email clashes at the email.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordField = "Password", string emailField = "Email")
    {
        foreach (var failure in result.ToFailures(passwordField, emailField))
        {
            modelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
    }

    /// <summary>
    /// Identity's errors as a handler's failures (<see cref="Infrastructure.UseCases.Outcome.Invalid(IEnumerable{ValidationFailure})"/>), each
    /// beside the field it concerns: password rules at the password, email clashes at the email, the rest for the whole form.
    /// </summary>
    public static IEnumerable<ValidationFailure> ToFailures(this IdentityResult result, string passwordField = "Password", string emailField = "Email")
    {
        ArgumentNullException.ThrowIfNull(result);

        // Identity reports a taken address twice (user name and email are the same here): say it once.
        foreach (var error in result.Errors.DistinctBy(e => e.Description))
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? emailField
                : "";
            yield return new ValidationFailure(field, error.Description);
        }
    }
}
