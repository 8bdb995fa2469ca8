using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>What the assessment partial shows, for a saved profile or for typed figures (the industry is null when the profile has none).</summary>
public sealed record AssessmentView(Assessment Assessment, BenchmarkStandard Standard, IReadOnlyDictionary<Indicator, PeerPosition?>? Peers);
