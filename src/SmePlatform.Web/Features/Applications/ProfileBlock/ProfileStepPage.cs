using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.Web.Features.Applications.ProfileBlock;

/// <summary>The profile block of an application: the profile's values the form takes, each with where it came from.</summary>
public sealed record ProfileStepPage(ApplicationFile File, IReadOnlyDictionary<string, PrefillValue> Values);
