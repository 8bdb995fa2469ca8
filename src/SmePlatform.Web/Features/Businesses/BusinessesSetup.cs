using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses;

public static class BusinessesSetup
{
    /// <summary>Businesses: the profile and its history, prefill and write-back, members, the consent ledger, the export.</summary>
    public static IServiceCollection AddBusinesses(this IServiceCollection services)
    {
        services.AddScoped<ProfileHistory>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<BusinessExport>();
        services.AddScoped<ProfilePrefill>();
        services.AddScoped<ProfileWriteBack>();
        return services.AddUseCasesIn(typeof(BusinessesSetup).Namespace!);
    }
}
