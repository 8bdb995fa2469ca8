using FluentValidation;
using FluentValidation.Results;

namespace SmePlatform.Web.Features.Admin.Measures.Editing;

public static class MeasureFormValidation
{
    /// <summary>Runs <see cref="MeasureFormValidator"/> for the measure <paramref name="id"/> (0 for a new one): its slug must be free of the others.</summary>
    public static Task<ValidationResult> ValidateForAsync(this IValidator<MeasureForm> validator, MeasureForm form, int id)
    {
        var context = new ValidationContext<MeasureForm>(form);
        context.RootContextData[MeasureFormValidator.MeasureIdKey] = id;
        return validator.ValidateAsync(context);
    }
}
