using SmePlatform.Domain.Businesses;

namespace SmePlatform.Web.Data.ReferenceData;

public static class ReferenceDataSetup
{
    /// <summary>Where the reference files are, beside the app (copied at build).</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");

    /// <summary>
    /// The reference data every feature reads (JSIC, prefectures, the SME definition, postal codes), loaded once at start:
    /// a missing or broken file stops the start here rather than on the first page that needs it.
    /// </summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        var reference = ReferenceCatalog.Load(Folder);
        services.AddSingleton(reference);
        services.AddSingleton<SmeDefinition>(SmeDefinitionFile.Load(Folder));
        services.AddSingleton(new PostalCodeDirectory(Path.Combine(Folder, "postal"), reference));
        return services;
    }
}
