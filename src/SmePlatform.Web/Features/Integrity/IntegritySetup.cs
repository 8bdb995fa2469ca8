using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Integrity;

public static class IntegritySetup
{
    /// <summary>The integrity checks: one application's (owed after a submission, run by the queue's worker), and the scans.</summary>
    public static IServiceCollection AddIntegrity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IntegrityInspector>();
        services.AddScoped<IntegrityQueue>();
        services.AddSingleton<IntegrityQueueSignal>();
        services.Configure<IntegrityQueueOptions>(configuration.GetSection(IntegrityQueueOptions.Section));
        services.AddHostedService<IntegrityQueueWorker>();
        services.AddScoped<IntegrityScanner>();
        services.AddSingleton<IntegrityScanService>();
        services.AddHostedService(provider => provider.GetRequiredService<IntegrityScanService>());
        return services.AddUseCasesIn(typeof(IntegritySetup).Namespace!);
    }
}
