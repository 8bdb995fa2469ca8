using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>One row of a measure's terms. Nulls are "any" for conditions and "none" for amounts; a null rate on a base row is 定額 (the whole eligible cost up to the maximum).</summary>
public sealed record TermsRowDocument
{
    [JsonPropertyName("track")] public string? Track { get; init; }
    [JsonPropertyName("track_name")] public string? TrackName { get; init; }
    /// <summary>"any", "small-scale" or "not-small-scale".</summary>
    [JsonPropertyName("size_class")] public required string SizeClass { get; init; }
    [JsonPropertyName("employees_min")] public int? EmployeesMin { get; init; }
    [JsonPropertyName("employees_max")] public int? EmployeesMax { get; init; }
    /// <summary>The top-up this row applies to when chosen; null for a base row.</summary>
    [JsonPropertyName("top_up")] public string? TopUp { get; init; }
    /// <summary>Where this row's rate starts, as an amount of subsidy (bands: 「補助額50万円超の部分」).</summary>
    [JsonPropertyName("band_from_yen")] public long BandFromYen { get; init; }
    [JsonPropertyName("rate")] public RateFraction? Rate { get; init; }
    [JsonPropertyName("max_yen")] public long? MaxYen { get; init; }
    [JsonPropertyName("min_yen")] public long? MinYen { get; init; }
    /// <summary>For a top-up row: how much the maximum rises.</summary>
    [JsonPropertyName("raise_max_yen")] public long? RaiseMaxYen { get; init; }
}
