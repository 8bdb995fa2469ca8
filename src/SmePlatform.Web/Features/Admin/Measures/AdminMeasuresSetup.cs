using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures;

public static class AdminMeasuresSetup
{
    /// <summary>The measure editor, its terms and the import.</summary>
    public static IServiceCollection AddAdminMeasures(this IServiceCollection services)
    {
        services.AddScoped<MeasureImporter>();
        return services.AddUseCasesIn(typeof(AdminMeasuresSetup).Namespace!);
    }
}
