using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.OpenData;

public static class OpenDataSetup
{
    /// <summary>The open-data API in jGrants' shape, with its vocabulary (ADR 0008), and the postal codes.</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton(provider => JGrantsVocabulary.Load(provider.GetRequiredService<ReferenceCatalog>(), ReferenceDataSetup.Folder));
        return services.AddUseCasesIn(typeof(OpenDataSetup).Namespace!);
    }
}
