using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

public static class AdminSelfCheckSetup
{
    /// <summary>The self-check's thresholds and rank cut-offs, kept by staff.</summary>
    public static IServiceCollection AddAdminSelfCheck(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(AdminSelfCheckSetup).Namespace!);
}
