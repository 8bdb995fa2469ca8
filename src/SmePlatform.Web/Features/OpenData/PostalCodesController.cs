using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>
/// The address of a postal code, from Japan Post's data shipped with the app: forms fill the address from it
/// (with JavaScript, or through their lookup button without). Anonymous; the data changes only with a release.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/postal-codes")]
public sealed class PostalCodesController(PostalCodeDirectory directory, IStringLocalizer<SharedResource> t) : ControllerBase
{
    /// <summary>The places a 7-digit postal code covers (full-width digits and a hyphen are accepted).</summary>
    [HttpGet("{code}")]
    [ProducesResponseType<PostalCodeAnswer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public IActionResult Get(string code)
    {
        var digits = JapaneseInput.Digits(code);
        if (digits.Length != 7 || !digits.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("code", t["Api.PostalCode"]);
            return ValidationProblem(title: t["Api.InvalidTitle"], detail: t["Api.InvalidDetail", "code"]);
        }

        var addresses = directory.Lookup(digits);
        if (addresses.Count == 0)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: t["Api.PostalCodeUnknown"]);
        }

        Response.Headers.CacheControl = "public, max-age=86400";
        return Ok(new PostalCodeAnswer(digits, [.. addresses.Select(a => new PostalCodeAddress(a.PrefectureCode, a.Prefecture, a.City, a.Town))]));
    }
}
