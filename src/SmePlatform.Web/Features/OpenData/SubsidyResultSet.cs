using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

public sealed record SubsidyResultSet(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("pageCount")] int PageCount);
