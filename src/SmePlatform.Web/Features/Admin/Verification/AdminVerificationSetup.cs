using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Verification;

public static class AdminVerificationSetup
{
    /// <summary>Confirming businesses, and ownership transfer.</summary>
    public static IServiceCollection AddAdminVerification(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(AdminVerificationSetup).Namespace!);
}
