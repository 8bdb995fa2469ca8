namespace SmePlatform.Web.Features.Dashboard;

/// <summary>A published count: null, with <c>suppressed</c> true, when too few businesses are behind it.</summary>
public sealed record StatCount(string Key, long? Count, bool Suppressed);
