namespace SmePlatform.Web.Features.Catalogue;

/// <summary>The catalogue's search page: the query as typed and what it found.</summary>
public sealed record CatalogueSearchPage(MeasureQuery Query, CatalogueResult Result);
