using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Info;

public static class InfoSetup
{
    /// <summary>The information pages (about, terms, privacy, accessibility, contact) and the site's contact address.</summary>
    public static IServiceCollection AddInfo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        return services.AddUseCasesIn(typeof(InfoSetup).Namespace!);
    }
}
