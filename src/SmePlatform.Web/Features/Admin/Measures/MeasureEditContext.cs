using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>What the editor's page shows beside its form: the measure it edits (null when new) and, when asked, a preview.</summary>
public sealed record MeasureEditContext(int? Id, MeasureStatus Status, MeasureDetailPage? Preview, bool TermsNeedReview = false)
{
    public const string Key = "MeasureEditor";

    /// <summary>A measure not saved yet: a draft without an id.</summary>
    public static MeasureEditContext New(MeasureDetailPage? preview = null) => new(null, MeasureStatus.Draft, preview);
}
