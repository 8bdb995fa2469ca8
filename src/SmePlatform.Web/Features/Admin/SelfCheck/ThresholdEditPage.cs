using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <param name="Coverage">The industry and what it has on record.</param>
/// <param name="Indicator">The indicator edited.</param>
/// <param name="Row">The thresholds on record, or null when they are loaded for the first time.</param>
/// <param name="Form">What the form shows.</param>
public sealed record ThresholdEditPage(IndustryCoverage Coverage, Indicator Indicator, BenchmarkThreshold? Row, ThresholdForm Form);
