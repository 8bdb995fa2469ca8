using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Errors;

/// <summary>
/// The "busy, try again" page: a write waited its bound for the database and did not get through (<see cref="DatabaseBusy"/>).
/// When a form was posted, what was typed comes back in a form that sends it again to the same address (with a fresh
/// antiforgery token), never passwords or codes; files cannot be kept.
/// </summary>
/// <param name="CorrelationId">The request's correlation id, for the help desk.</param>
/// <param name="ResendTo">Where the form was posted (a local path with its query), or null when nothing was posted.</param>
/// <param name="Fields">The posted fields to send again.</param>
/// <param name="FilesDropped">Files were attached: they are not kept.</param>
/// <param name="SecretsDropped">A password or code was typed: it is not written back into the page.</param>
/// <param name="RetryAfterSeconds">When to try again (also the Retry-After header).</param>
public sealed record BusyPage(
    string CorrelationId, string? ResendTo, IReadOnlyList<KeyValuePair<string, string>> Fields, bool FilesDropped, bool SecretsDropped, int RetryAfterSeconds);

public static class BusyAnswer
{
    /// <summary>The posted fields never written back into a page.</summary>
    private static bool IsSecret(string name) =>
        name == "__RequestVerificationToken" || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Code", StringComparison.OrdinalIgnoreCase) || name.Equals("RecoveryCode", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// 503 with Retry-After: under <c>/api</c> as ProblemDetails, otherwise the page, with what was posted to
    /// <paramref name="originalPath"/> ready to be sent again. The gate records it for the readiness check.
    /// </summary>
    public static IActionResult Answer(Controller controller, string originalPath)
    {
        var http = controller.HttpContext;
        var gate = http.RequestServices.GetRequiredService<WriteGate>();
        gate.RecordBusy();
        var retryAfter = (int)Math.Ceiling(gate.Bound.TotalSeconds);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return controller.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Busy.Title"], detail: t["Busy.Body"]);
        }

        var request = http.Request;
        var resendTo = originalPath + request.QueryString;
        var posted = HttpMethods.IsPost(request.Method) && request.HasFormContentType && controller.Url.IsLocalUrl(resendTo);
        var form = posted ? request.Form : null;
        var fields = form is null
            ? []
            : form.Where(f => !IsSecret(f.Key)).SelectMany(f => f.Value.Select(value => new KeyValuePair<string, string>(f.Key, value ?? ""))).ToList();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var page = new BusyPage(
            http.TraceIdentifier, posted ? resendTo : null, fields, form?.Files.Count > 0,
            form?.Keys.Any(k => k != "__RequestVerificationToken" && IsSecret(k)) == true, retryAfter);
        var view = controller.View("Busy", page);
        view.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return view;
    }
}
