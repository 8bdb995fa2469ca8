using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

public static class ApplicationsSetup
{
    /// <summary>Applications: drafts, their sections and expenses, the submission and its receipt, the lifecycle's moves, the performance report.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationStore>();
        services.AddScoped<ApplicationMoves>();
        services.AddScoped<IEmailArguments, ReturnedEmail>();
        return services.AddUseCasesIn(typeof(ApplicationsSetup).Namespace!);
    }
}
