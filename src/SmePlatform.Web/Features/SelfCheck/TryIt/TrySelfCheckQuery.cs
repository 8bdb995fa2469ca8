using FluentValidation;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.SelfCheck.TryIt;

/// <summary>The self-check on typed figures (<see cref="TryForm"/>): assessed against the industry's thresholds and shown; nothing is stored.</summary>
public sealed class TrySelfCheckQuery(SelfCheckReader reader, IValidator<TryForm> validator) : IUseCase
{
    public async Task<Outcome<AssessmentView>> HandleAsync(TryForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var standard = await reader.StandardAsync(form.Industry);
        var (current, previous) = form.ToYears();
        return Outcome.Done(new AssessmentView(standard.Assess(current, previous), standard, null));
    }
}
