using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Errors;

/// <summary>
/// The answer to a request whose write waited its bound: 503 with Retry-After; under <c>/api</c> as ProblemDetails,
/// otherwise <see cref="BusyPage"/> with what was posted to <paramref name="OriginalPath"/> ready to be sent again. The
/// data layer records it for the readiness check (<see cref="IDatabaseWrites"/>).
/// </summary>
/// <param name="OriginalPath">The path the failed request was made to.</param>
public sealed record BusyResult(string OriginalPath) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var writes = services.GetRequiredService<IDatabaseWrites>();
        writes.RecordBusy();
        var retryAfter = (int)Math.Ceiling(writes.Bound.TotalSeconds);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (OriginalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problem = services.GetRequiredService<ProblemDetailsFactory>()
                .CreateProblemDetails(http, StatusCodes.Status503ServiceUnavailable, t["Busy.Title"], detail: t["Busy.Body"]);
            await new ObjectResult(problem) { StatusCode = StatusCodes.Status503ServiceUnavailable, ContentTypes = { "application/problem+json" } }
                .ExecuteResultAsync(context);
            return;
        }

        var request = http.Request;
        var resendTo = OriginalPath + request.QueryString;
        var posted = HttpMethods.IsPost(request.Method) && request.HasFormContentType && IsLocal(resendTo);
        var form = posted ? await FormAsync(request) : null;
        var fields = form is null
            ? []
            : form.Where(f => !IsSecret(f.Key)).SelectMany(f => f.Value.Select(value => new KeyValuePair<string, string>(f.Key, value ?? ""))).ToList();
        var page = new BusyPage(
            http.TraceIdentifier, form is null ? null : resendTo, fields, form?.Files.Count > 0,
            form?.Keys.Any(k => k != "__RequestVerificationToken" && IsSecret(k)) == true, retryAfter);
        await new ViewResult
        {
            ViewName = "Busy",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<BusyPage>(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState) { Model = page },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
        }.ExecuteResultAsync(context);
    }

    /// <summary>The posted fields never written back into a page.</summary>
    private static bool IsSecret(string name) =>
        name == "__RequestVerificationToken" || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Code", StringComparison.OrdinalIgnoreCase) || name.Equals("RecoveryCode", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path of this site (not <c>//host</c> or <c>/\host</c>, which a browser reads as another site).</summary>
    private static bool IsLocal(string path) => path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>The posted form (read already by the request that failed, as a rule), or null when it cannot be read.</summary>
    private static async Task<IFormCollection?> FormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}
