using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>One measure in the editor's list.</summary>
public sealed record MeasureListRow(int Id, string Slug, string TitleJa, string TitleEn, MeasureStatus Status, DateTime? EndUtc, DateTime UpdatedAtUtc, bool IsDemo, bool TermsNeedReview);
