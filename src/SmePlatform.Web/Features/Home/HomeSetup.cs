using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Home;

public static class HomeSetup
{
    /// <summary>The home page.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(HomeSetup).Namespace!);
}
