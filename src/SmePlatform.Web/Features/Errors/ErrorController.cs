using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SmePlatform.Web.Features.Errors;

public sealed record ErrorPage(int StatusCode, string CorrelationId);

/// <summary>
/// Friendly 4xx/5xx pages in both languages, showing the correlation id; under /api the same errors are
/// answered as ProblemDetails. Reached by re-execution from the status-code and exception middleware.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error/{statusCode:int}")]
    public IActionResult Show(int statusCode)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // A write that waited its bound for the database: 503, try again, what was typed kept (BusyResult).
        if (Data.DatabaseBusy.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            return new BusyResult(originalPath ?? "/");
        }

        if (originalPath is not null && originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(statusCode: statusCode);
        }

        var code = statusCode is >= 400 and <= 599 ? statusCode : 404;
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, HttpContext.TraceIdentifier));
    }
}
