using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Catalogue;

/// <summary>A measure as its page shows it, at one reading of the clock.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="State">Whether it takes applications now.</param>
/// <param name="NowUtc">The instant the page is for (days left).</param>
/// <param name="Related">Measures for the same purposes.</param>
/// <param name="AppliesOnline">Whether it has an application form on the portal.</param>
public sealed record MeasureDetailPage(SupportMeasure Measure, AcceptanceState State, DateTime NowUtc, IReadOnlyList<IndexedMeasure> Related, bool AppliesOnline = false);
