using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Infrastructure;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.IntegrationTests.Architecture;

/// <summary>
/// Every use case under Features is registered by its feature's setup: a feature folder without a setup (or a setup
/// scanning another namespace) fails here, not at run time on the first request that needs it.
/// </summary>
[Collection(nameof(PortalCollection))]
public class UseCaseRegistrationTests(SmeAppFactory factory)
{
    private const string Features = "SmePlatform.Web.Features";

    private static readonly List<Type> FeatureTypes = [.. typeof(PlatformSetup).Assembly.GetTypes()
        .Where(t => t.Namespace is { } name && name.StartsWith(Features + ".", StringComparison.Ordinal))];

    [Fact]
    public void EveryNamespaceUnderFeatures_IsScannedForUseCases_ByAFeatureSetup()
    {
        var scanned = factory.Services.GetServices<UseCaseNamespace>().ToList();

        var uncovered = FeatureTypes.Select(t => t.Namespace!).Distinct().Where(name => !scanned.Any(s => s.Covers(name))).Order().ToList();

        Assert.True(uncovered.Count == 0, "No feature setup registers the use cases of: " + string.Join(", ", uncovered));
        Assert.DoesNotContain(scanned, s => s.Name == Features);
    }

    [Fact]
    public void EveryUseCaseUnderFeatures_IsResolvable()
    {
        using var scope = factory.Services.CreateScope();
        var useCases = FeatureTypes.Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IUseCase).IsAssignableFrom(t));

        var missing = useCases.Where(t => scope.ServiceProvider.GetService(t) is null).Select(t => t.FullName).ToList();

        Assert.True(missing.Count == 0, "Use cases not registered: " + string.Join(", ", missing));
    }
}
