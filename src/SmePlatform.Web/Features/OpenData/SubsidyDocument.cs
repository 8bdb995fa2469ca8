using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

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

    /// <summary>
    /// "confirmed" when the rows below are the measure's terms; "needs_review" when an import could not read them (the
    /// subsidy_rate text is what the source wrote and no rows are given yet); "none" when the measure states none.
    /// </summary>
    [JsonPropertyName("terms_status")] public required string TermsStatus { get; init; }

    /// <summary>The terms as rows: conditions (track, size class, employees, top-up, amount band) → rate, maximum, minimum.</summary>
    [JsonPropertyName("terms")] public required IReadOnlyList<TermsRowDocument> Terms { get; init; }

    /// <summary>The top-ups (特例) the rows name, with what an applicant who chooses one commits to.</summary>
    [JsonPropertyName("terms_top_ups")] public required IReadOnlyList<TopUpDocument> TermsTopUps { get; init; }

    /// <summary>The unit the subsidy is rounded down to, in yen (1 = to the yen).</summary>
    [JsonPropertyName("terms_rounding_unit_yen")] public long TermsRoundingUnitYen { get; init; }

    /// <summary>"excluding-tax" or "including-tax": what the rate is taken of.</summary>
    [JsonPropertyName("terms_cost_basis")] public required string TermsCostBasis { get; init; }
    [JsonPropertyName("front_subsidy_detail_page_url")] public required string FrontSubsidyDetailPageUrl { get; init; }
}
