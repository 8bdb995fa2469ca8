using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Content;

using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>
/// The open-data API of the catalogue, anonymous and shaped after the jGrants public API (ADR 0008). Answers carry
/// an ETag of their bytes and may be cached for a minute.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/subsidies")]
public sealed class SubsidiesController(
    CatalogueIndex index, SmeDbContext db, JGrantsVocabulary words, TimeProvider clock, IStringLocalizer<SharedResource> t) : ControllerBase
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Published measures matching the query, a page at a time.</summary>
    [HttpGet("")]
    [ProducesResponseType<SubsidyList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> List([FromQuery] SubsidyParameters parameters, CancellationToken cancellationToken)
    {
        if (!parameters.TryRead(words, out var search, out var errors))
        {
            return this.ParameterProblem(errors, t);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var found = await index.FindAsync(search.Query, now, search.Matches, cancellationToken);
        var pageCount = Math.Max(1, (found.Count + search.PageSize - 1) / search.PageSize);
        var page = search.Order(found).Skip((int)Math.Min(int.MaxValue, (long)(search.Page - 1) * search.PageSize)).Take(search.PageSize);
        var list = new SubsidyList(
            new SubsidyMetadata("application/json", new SubsidyResultSet(found.Count, search.Page, search.PageSize, pageCount)),
            [.. page.Select(m => Document(m, detail: null))]);
        return Cached(list);
    }

    /// <summary>One published (or archived) measure, with its body as HTML.</summary>
    [HttpGet("id/{id}")]
    [ProducesResponseType<SubsidyList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> One(string id, CancellationToken cancellationToken)
    {
        var measure = (await index.MeasuresAsync(cancellationToken)).FirstOrDefault(m => m.Slug == id);
        var body = measure is null ? null : await db.SupportMeasures.AsNoTracking()
            .Where(m => m.Id == measure.Id && m.Status == MeasureStatus.Published)
            .Select(m => new SupportMeasure { BodyJa = m.BodyJa, BodyFormat = m.BodyFormat })
            .FirstOrDefaultAsync(cancellationToken);
        if (measure is null || body is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: t["Api.NotFound"]);
        }

        var detail = SafeHtml.Body(body, japanese: true).ToString();
        var list = new SubsidyList(new SubsidyMetadata("application/json", new SubsidyResultSet(1, 1, 1, 1)), [Document(measure, detail)]);
        return Cached(list);
    }

    private SubsidyDocument Document(IndexedMeasure m, string? detail) => new()
    {
        Id = m.Slug,
        Name = m.Slug,
        Title = m.TitleJa,
        Detail = detail,
        Summary = m.SummaryJa,
        UsePurpose = string.Join(JGrantsVocabulary.Separator, m.Purposes.Select(words.PurposeName)),
        Industry = string.Join(JGrantsVocabulary.Separator, m.JsicCodes.Select(words.IndustryName)),
        TargetAreaSearch = m.Prefectures.Count == 0 ? JGrantsVocabulary.Nationwide : string.Join(JGrantsVocabulary.Separator, m.Prefectures.Select(words.PrefectureName)),
        TargetNumberOfEmployees = EmployeeBrackets.JGrantsValue(m.Employees),
        SubsidyRate = m.RateTextJa,
        SubsidyMaxLimit = m.MaxAmountYen,
        AcceptanceStartDatetime = JapanTime.Offset(m.StartUtc),
        AcceptanceEndDatetime = JapanTime.Offset(m.EndUtc),
        CreatedDate = JapanTime.Offset(m.CreatedAtUtc),
        TitleEn = m.TitleEn,
        Kind = m.Kind.ToString(),
        SubsidyMinLimit = m.MinAmountYen,
        SubsidyRateFraction = m.Rate is { } rate ? new RateFraction(rate.Numerator, rate.Denominator) : null,
        UsePurposeCodes = [.. m.Purposes.Select(p => p.ToString())],
        JsicCodes = m.JsicCodes,
        PrefectureCodes = m.Prefectures,
        IsDemo = m.IsDemo,
        TermsStatus = m.TermsNeedReview ? "needs_review" : m.Terms.IsEmpty ? "none" : "confirmed",
        Terms = [.. m.Terms.Rows.Select(r => new TermsRowDocument
        {
            Track = r.Track,
            TrackName = m.Terms.TrackOf(r.Track)?.NameJa,
            SizeClass = JsonNamingPolicy.KebabCaseLower.ConvertName(r.Size.ToString()),
            EmployeesMin = r.MinEmployees,
            EmployeesMax = r.MaxEmployees,
            TopUp = r.TopUp,
            BandFromYen = r.BandFromYen,
            Rate = r.Rate is { } rate ? new RateFraction(rate.Numerator, rate.Denominator) : null,
            MaxYen = r.MaxYen,
            MinYen = r.MinYen,
            RaiseMaxYen = r.RaiseMaxYen,
        })],
        TermsTopUps = [.. m.Terms.TopUps.Select(x => new TopUpDocument(x.Key, x.NameJa, x.NameEn, x.CommitmentJa, x.CommitmentEn, x.Excludes))],
        TermsRoundingUnitYen = m.Terms.RoundingUnitYen,
        TermsCostBasis = JsonNamingPolicy.KebabCaseLower.ConvertName(m.Terms.Basis.ToString()),
        FrontSubsidyDetailPageUrl = $"{Request.Scheme}://{Request.Host}/measures/{Uri.EscapeDataString(m.Slug)}",
    };

    /// <summary>The answer as JSON with a strong ETag of its bytes; 304 when the caller already has them.</summary>
    private IActionResult Cached(SubsidyList list)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(list, Json);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_')}\"");
        Response.Headers.ETag = etag.ToString();
        Response.Headers.CacheControl = "public, max-age=60";
        var known = Request.GetTypedHeaders().IfNoneMatch;
        if (known.Any(e => e.Compare(etag, useStrongComparison: false) || e == EntityTagHeaderValue.Any))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return File(bytes, "application/json; charset=utf-8");
    }
}
