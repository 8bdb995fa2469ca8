using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <param name="Entries">The newest first; a match job's notices are one entry.</param>
/// <param name="Measures">The measures pushed notices name, by id (their titles in both languages).</param>
public sealed record NoticesPage(IReadOnlyList<InboxEntry> Entries, IReadOnlyDictionary<int, IndexedMeasure> Measures);
