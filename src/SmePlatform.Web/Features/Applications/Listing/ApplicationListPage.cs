using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Applications.Listing;

/// <summary>A business's applications, the latest changed first.</summary>
public sealed record ApplicationListPage(Business Business, IReadOnlyList<ApplicationListItem> Items);
