using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Recommendations.QuickCheck;

/// <summary>
/// The public quick check: the same engine over facts typed in, no account, nothing stored. Done with the page (the form
/// alone while nothing is given); invalid, per parameter, when the facts do not read.
/// </summary>
public sealed class QuickCheckQuery(
    Recommendations recommendations, ReferenceCatalog reference, EligibilityEngine engine, TimeProvider clock, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<QuickCheckPage>> HandleAsync(EligibilityCheckParameters query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (query.IsEmpty)
        {
            return Outcome.Done(new QuickCheckPage(query, null, [], now));
        }

        if (!query.TryRead(reference, JapanTime.DateOf(now), out var given, out var errors))
        {
            return Outcome.Invalid(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Key, t[e.Value])));
        }

        return Outcome.Done(new QuickCheckPage(query, engine.Classify(given), await recommendations.ForAsync(given), now));
    }
}
