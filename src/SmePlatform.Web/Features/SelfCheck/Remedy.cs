using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>A weak indicator (scored 1 or 2) and the open measures whose purposes address it, with the engine's verdicts.</summary>
public sealed record Remedy(IndicatorScore Indicator, IReadOnlyList<RecommendedMeasure> Measures);
