using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>The answer of the subsidy endpoints, shaped as jGrants shapes it: <c>{"metadata": …, "result": […]}</c>.</summary>
public sealed record SubsidyList(
    [property: JsonPropertyName("metadata")] SubsidyMetadata Metadata,
    [property: JsonPropertyName("result")] IReadOnlyList<SubsidyDocument> Result);

public sealed record SubsidyMetadata(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("resultset")] SubsidyResultSet ResultSet);

public sealed record SubsidyResultSet(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("pageCount")] int PageCount);

public sealed record RateFraction(
    [property: JsonPropertyName("numerator")] int Numerator,
    [property: JsonPropertyName("denominator")] int Denominator);

/// <summary>
/// One measure with jGrants' field names and values (Japanese text, "/"-joined names, yen, ISO 8601 in Japan time),
/// then the platform's own fields: codes and the rate as a fraction.
/// </summary>
public sealed record SubsidyDocument
{
    /// <summary>The measure's stable identifier (its slug), a string as in jGrants.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    /// <summary>The body as HTML; only in the answer for one measure.</summary>
    [JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }
    [JsonPropertyName("summary")] public required string Summary { get; init; }
    [JsonPropertyName("use_purpose")] public required string UsePurpose { get; init; }
    /// <summary>JSIC names joined by "/"; empty when the measure is for every industry.</summary>
    [JsonPropertyName("industry")] public required string Industry { get; init; }
    /// <summary>Prefecture names joined by "/", or 全国.</summary>
    [JsonPropertyName("target_area_search")] public required string TargetAreaSearch { get; init; }
    [JsonPropertyName("target_number_of_employees")] public required string TargetNumberOfEmployees { get; init; }
    [JsonPropertyName("subsidy_rate")] public required string SubsidyRate { get; init; }
    [JsonPropertyName("subsidy_max_limit")] public long? SubsidyMaxLimit { get; init; }
    [JsonPropertyName("acceptance_start_datetime")] public DateTimeOffset? AcceptanceStartDatetime { get; init; }
    [JsonPropertyName("acceptance_end_datetime")] public DateTimeOffset? AcceptanceEndDatetime { get; init; }
    [JsonPropertyName("created_date")] public required DateTimeOffset CreatedDate { get; init; }

    [JsonPropertyName("title_en")] public required string TitleEn { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("subsidy_min_limit")] public long? SubsidyMinLimit { get; init; }
    [JsonPropertyName("subsidy_rate_fraction")] public RateFraction? SubsidyRateFraction { get; init; }
    [JsonPropertyName("use_purpose_codes")] public required IReadOnlyList<string> UsePurposeCodes { get; init; }
    [JsonPropertyName("jsic_codes")] public required IReadOnlyList<string> JsicCodes { get; init; }
    [JsonPropertyName("prefecture_codes")] public required IReadOnlyList<string> PrefectureCodes { get; init; }
    /// <summary>True for the demonstration measures shipped with the app.</summary>
    [JsonPropertyName("is_demo")] public bool IsDemo { get; init; }
    [JsonPropertyName("front_subsidy_detail_page_url")] public required string FrontSubsidyDetailPageUrl { get; init; }
}
