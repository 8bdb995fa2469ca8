using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Features.Errors;

/// <summary>
/// An error page: its status, the correlation id, and for a refused request (400, 413) why and what to do — in
/// <see cref="Advice"/> — with the address of the page the request came from, to go back to it.
/// </summary>
public sealed record ErrorPage(int StatusCode, string CorrelationId)
{
    public string? Advice { get; init; }

    public string? BackTo { get; init; }
}

/// <summary>
/// Friendly 4xx/5xx pages in both languages, showing the correlation id; under /api the same errors are
/// answered as ProblemDetails. Reached by re-execution from the status-code and exception middleware, for the
/// original request's method (a POST too) and without reading its body: a body that could not be read the first time
/// is not read again here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<SharedResource> t) : Controller
{
    // No parameters: model binding would read the original request's form, the very thing that may have failed.
    [Route("/error/{statusCode:int}")]
    public IActionResult Show()
    {
        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new EmptyResult();
        }

        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = reExecuted?.OriginalPath ?? exception?.Path;
        // A write that waited its bound for the database: 503, try again, what was typed kept (BusyResult).
        if (Data.DatabaseBusy.Is(exception?.Error))
        {
            return new BusyResult(originalPath ?? "/");
        }

        // From the exception handler, the status is the one it chose for the exception (a 413 for a body too large, a
        // 500 for the portal's own failures); otherwise the one in the address.
        var statusCode = exception is not null
            ? Response.StatusCode
            : int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var routed) ? routed : 404;
        var code = statusCode is >= 400 and <= 599 ? statusCode : 404;
        var failure = HttpContext.Features.Get<RequestFailure>()
            ?? (exception is not null ? RequestFailures.Classify(exception.Error, HttpContext) : null);
        var advice = Advice(code, failure);
        if (originalPath is not null && originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(statusCode: code, detail: advice);
        }

        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, HttpContext.TraceIdentifier)
        {
            Advice = advice,
            // Back to the form a refused post was sent from (the same address, read with GET).
            BackTo = code is 400 or 413 or 429 && !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)
                && originalPath is not null && originalPath.StartsWith('/') && !originalPath.StartsWith("//", StringComparison.Ordinal)
                ? originalPath
                : null,
        });
    }

    /// <summary>What to do about a refused request: what was wrong and how to send it so that it is accepted.</summary>
    private string? Advice(int code, RequestFailure? failure) => (code, failure?.Reason) switch
    {
        (413, _) when failure?.Limits is { } limits => t["Error.413.Files", Megabytes(limits.FileBytes), Megabytes(limits.TotalBytes)].Value,
        (413, _) => t["Error.413.Body"].Value,
        (400, RequestFailureReason.TooManyFields) => t["Error.400.TooManyFields"].Value,
        (400, RequestFailureReason.InvalidCharacters) => t["Error.400.InvalidCharacters"].Value,
        (400, _) => t["Error.400.Body"].Value,
        _ => null,
    };

    private static long Megabytes(long bytes) => bytes / 1024 / 1024;
}
