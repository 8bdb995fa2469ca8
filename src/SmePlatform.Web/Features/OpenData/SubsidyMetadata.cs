using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

public sealed record SubsidyMetadata(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("resultset")] SubsidyResultSet ResultSet);
