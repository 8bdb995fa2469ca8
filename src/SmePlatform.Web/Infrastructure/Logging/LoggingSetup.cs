using Serilog;
using Serilog.Events;

namespace SmePlatform.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>Serilog from configuration (the <c>Serilog</c> section): console text in Development, compact JSON elsewhere.</summary>
    public static WebApplicationBuilder AddPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    /// <summary>One line per request: method, path without its query string, status and time. No bodies, no personal data.</summary>
    public static IApplicationBuilder UsePlatformRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one, which the last host started in the process owns (tests start several).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}
