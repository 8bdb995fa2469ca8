using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>The answer of the subsidy endpoints, shaped as jGrants shapes it: <c>{"metadata": …, "result": […]}</c>.</summary>
public sealed record SubsidyList(
    [property: JsonPropertyName("metadata")] SubsidyMetadata Metadata,
    [property: JsonPropertyName("result")] IReadOnlyList<SubsidyDocument> Result);
