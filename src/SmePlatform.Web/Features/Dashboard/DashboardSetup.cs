using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Dashboard;

public static class DashboardSetup
{
    /// <summary>The staff dashboard: the statistics, the facts kept in memory (warmed at start), and the live hub.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApplicationStatistics>();
        services.AddSingleton<ApplicationFacts>();
        services.AddHostedService<ApplicationFactsWarmUp>();
        services.AddSignalR();
        services.AddSingleton<DashboardSignal>();
        services.AddSingleton<Data.Messaging.IDomainEventHandler>(provider => provider.GetRequiredService<DashboardSignal>());
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.Section));
        return services.AddUseCasesIn(typeof(DashboardSetup).Namespace!);
    }
}
