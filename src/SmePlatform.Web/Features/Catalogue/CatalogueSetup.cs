using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Catalogue;

public static class CatalogueSetup
{
    /// <summary>The measures' search and pages, over the in-memory index (ADR 0007).</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<CatalogueIndex>();
        return services.AddUseCasesIn(typeof(CatalogueSetup).Namespace!);
    }
}
