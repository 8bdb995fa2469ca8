using System.Text.RegularExpressions;
using Serilog.Context;

namespace SmePlatform.Web.Infrastructure.Logging;

/// <summary>
/// Every request carries a correlation id: taken from <c>X-Correlation-ID</c> when it is well formed,
/// otherwise made here. It is the request's TraceIdentifier, is echoed in the response, is on every
/// log event of the request and is shown on error pages so a person can quote it.
/// </summary>
public static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName].ToString();
            var id = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
            context.TraceIdentifier = id;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty("CorrelationId", id))
            {
                await next(context);
            }
        });

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex WellFormed();
}
