using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

public sealed record TopUpDocument(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("name_en")] string NameEn,
    [property: JsonPropertyName("commitment")] string Commitment,
    [property: JsonPropertyName("commitment_en")] string CommitmentEn,
    [property: JsonPropertyName("excludes")] IReadOnlyList<string> Excludes);
