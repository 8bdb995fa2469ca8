using System.Reflection;

namespace SmePlatform.Web.Infrastructure.UseCases;

public static class UseCaseRegistration
{
    /// <summary>
    /// Registers, scoped and as themselves, the use cases (<see cref="IUseCase"/>) whose namespace is
    /// <paramref name="featureNamespace"/> or inside it: a feature's setup calls it with its own namespace.
    /// </summary>
    public static IServiceCollection AddUseCasesIn(this IServiceCollection services, string featureNamespace, Assembly? assembly = null)
    {
        var scanned = new UseCaseNamespace(featureNamespace);
        var types = (assembly ?? typeof(IUseCase).Assembly).GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(IUseCase).IsAssignableFrom(type)
                && scanned.Covers(type.Namespace));
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        services.AddSingleton(scanned);
        return services;
    }
}
