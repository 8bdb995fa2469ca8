using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.SelfCheck;

public static class SelfCheckSetup
{
    /// <summary>The self-check (Local Benchmark) and its reader.</summary>
    public static IServiceCollection AddSelfCheck(this IServiceCollection services)
    {
        services.AddScoped<SelfCheckReader>();
        return services.AddUseCasesIn(typeof(SelfCheckSetup).Namespace!);
    }
}
