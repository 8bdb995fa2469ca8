using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>One place a postal code covers.</summary>
public sealed record PostalCodeAddress(
    [property: JsonPropertyName("prefectureCode")] string PrefectureCode,
    [property: JsonPropertyName("prefecture")] string Prefecture,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("town")] string Town);
