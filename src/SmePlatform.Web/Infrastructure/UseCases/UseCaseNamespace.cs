namespace SmePlatform.Web.Infrastructure.UseCases;

/// <summary>
/// A namespace whose use cases are registered (one per feature setup): the app's own account of what it scans, so a
/// test can find a feature folder that no setup covers before a use case put there goes missing at run time.
/// </summary>
public sealed record UseCaseNamespace(string Name)
{
    public bool Covers(string? typeNamespace) =>
        typeNamespace is not null && (typeNamespace == Name || typeNamespace.StartsWith(Name + ".", StringComparison.Ordinal));
}
