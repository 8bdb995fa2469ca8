using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <summary>The settings page: the form, and the measures the saved preference mutes (which it offers to unmute).</summary>
public sealed record NoticeSettingsPage(NoticeSettingsForm Form, IReadOnlyList<IndexedMeasure> MutedMeasures);
