using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>A page of the editor's list, most recently changed first, with the status it is narrowed to.</summary>
public sealed record MeasureListPage(IReadOnlyList<MeasureListRow> Rows, MeasureStatus? Status, int Page, int PageCount, int Total);
