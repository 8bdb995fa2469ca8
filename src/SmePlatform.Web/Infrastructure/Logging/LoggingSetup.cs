using Serilog;
using SmePlatform.Web.Features.Errors;

namespace SmePlatform.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from configuration (the <c>Serilog</c> section): console text in Development, compact JSON elsewhere. Each
    /// host logs through its own logger, not the process-wide static one, so that a second host in the same process (the
    /// tests start several) neither takes over nor, when it stops, silences the first one's logs.
    /// </summary>
    public static WebApplicationBuilder AddPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request: method, path without its query string, status and time. No bodies, no personal data.</summary>
    public static IApplicationBuilder UsePlatformRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            // A body the client got wrong is a Warning and a client gone Information, not an Error (RequestFailures).
            options.GetLevel = (context, _, exception) => RequestFailures.LevelOf(context, exception);
        });
}
