using System.ComponentModel.DataAnnotations;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>What the list shows: a verdict, a purpose and a kind, each optional.</summary>
public sealed class RecommendationFilter
{
    [Display(Name = "Recommend.Filter.Verdict")] public Verdict? Verdict { get; set; }
    [Display(Name = "Recommend.Filter.Purpose")] public Purpose? Purpose { get; set; }
    [Display(Name = "Recommend.Filter.Kind")] public MeasureKind? Kind { get; set; }

    public bool Shows(RecommendedMeasure r) =>
        (Verdict is not { } verdict || r.Verdict == verdict)
        && (Purpose is not { } purpose || r.Measure.Purposes.Contains(purpose))
        && (Kind is not { } kind || r.Measure.Kind == kind);
}
