namespace SmePlatform.Web.Features.Applications.ProfileBlock;

/// <summary>Profile changes typed in an application, old against new, before they are confirmed and written back.</summary>
public sealed record ProfileConfirmPage(ApplicationFile File, IReadOnlyList<(string Field, string? Old, string? New)> Changes);
