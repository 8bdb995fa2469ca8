using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// The public eligibility check as an API: anonymous, no account, nothing stored. The facts are the query; the
/// answer is the SME class with its reason and every open measure with its verdict and reasons, in the request's
/// language (Japanese unless <c>culture=en</c> asks for English).
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/eligibility-check")]
public sealed class EligibilityCheckController(
    ReferenceCatalog reference, EligibilityEngine engine, Recommendations recommendations, ReasonText reasons, TimeProvider clock, IStringLocalizer<SharedResource> t) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<EligibilityCheckAnswer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Check([FromQuery] EligibilityCheckParameters parameters, CancellationToken cancellationToken)
    {
        if (!parameters.TryRead(reference, JapanTime.DateOf(clock.GetUtcNow().UtcDateTime), out var facts, out var errors))
        {
            return this.ParameterProblem(errors, t);
        }

        var classification = engine.Classify(facts);
        var ranked = await recommendations.ForAsync(facts, cancellationToken);
        return Ok(new EligibilityCheckAnswer(
            ClassName(classification.Class),
            string.Join(Display.Text("、", "; "), classification.Reasons.Select(reasons.OfClass)),
            [.. ranked.Select(r => new EligibilityCheckMeasure(
                r.Measure.Slug,
                Display.Text(r.Measure.TitleJa, r.Measure.TitleEn),
                VerdictName(r.Verdict),
                [.. reasons.Of(r.Recommendation.Verdict, FactsFrom.ApiQuery).Select(reason => reason.Text)]))]));
    }

    public static string ClassName(SmeClass smeClass) => smeClass switch
    {
        SmeClass.SmallScale => "small-scale",
        SmeClass.Sme => "sme",
        SmeClass.Large => "large",
        _ => "undetermined",
    };

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Eligible => "eligible",
        Verdict.NotEligible => "not-eligible",
        _ => "need-more-information",
    };
}
