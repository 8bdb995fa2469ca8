using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Staff;

public static class AdminStaffSetup
{
    /// <summary>Staff accounts and their roles, kept by an Administrator.</summary>
    public static IServiceCollection AddAdminStaff(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(AdminStaffSetup).Namespace!);
}
