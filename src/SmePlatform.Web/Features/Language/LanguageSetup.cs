using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Language;

public static class LanguageSetup
{
    /// <summary>The language switch.</summary>
    public static IServiceCollection AddLanguage(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(LanguageSetup).Namespace!);
}
