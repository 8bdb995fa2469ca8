using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

public sealed record RateFraction(
    [property: JsonPropertyName("numerator")] int Numerator,
    [property: JsonPropertyName("denominator")] int Denominator);
