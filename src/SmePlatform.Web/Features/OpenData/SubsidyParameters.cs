using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.OpenData;

public enum SubsidySort
{
    CreatedDate,
    AcceptanceStart,
    AcceptanceEnd,
}

/// <summary>
/// The query of <c>GET /api/v1/subsidies</c>, named as the jGrants public API names it, plus paging. Bound as text
/// and read by <see cref="TryRead"/>, so a bad value is answered with a message naming its parameter.
/// </summary>
public sealed class SubsidyParameters
{
    public const int MaxPageSize = 100;
    public const int MaxKeywordLength = 100;

    /// <summary>Words to find in titles, summaries, bodies and agencies (Japanese folded as people type it).</summary>
    [FromQuery(Name = "keyword")]
    public string? Keyword { get; set; }

    /// <summary><c>created_date</c> (default), <c>acceptance_start_datetime</c> or <c>acceptance_end_datetime</c>.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary><c>ASC</c> or <c>DESC</c> (default).</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; set; }

    /// <summary><c>1</c>: only measures accepting applications now; <c>0</c> (default): all.</summary>
    [FromQuery(Name = "acceptance")]
    public string? Acceptance { get; set; }

    /// <summary>A jGrants use_purpose value, a purpose's Japanese name or its code (<c>ItDx</c>).</summary>
    [FromQuery(Name = "use_purpose")]
    public string? UsePurpose { get; set; }

    /// <summary>A JSIC major category: its Japanese name (<c>製造業</c>) or letter (<c>E</c>).</summary>
    [FromQuery(Name = "industry")]
    public string? Industry { get; set; }

    /// <summary>A jGrants employee bracket (<c>20名以下</c>).</summary>
    [FromQuery(Name = "target_number_of_employees")]
    public string? TargetNumberOfEmployees { get; set; }

    /// <summary>A prefecture's name or JIS code: measures for it, nationwide ones included; <c>全国</c>: nationwide ones only.</summary>
    [FromQuery(Name = "target_area_search")]
    public string? TargetAreaSearch { get; set; }

    /// <summary>1-based page number (default 1).</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    /// <summary>Results per page, 1-100 (default 20).</summary>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; set; }

    /// <summary>The search this asks for, or the parameters that are wrong with the key of their message.</summary>
    public bool TryRead(JGrantsVocabulary words, out SubsidySearch search, out Dictionary<string, string> errors)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        errors = problems;
        var query = new MeasureQuery { Q = Keyword };
        if (Keyword is { Length: > MaxKeywordLength })
        {
            problems["keyword"] = "Api.Keyword";
        }

        var sort = Sort switch
        {
            null or "" or "created_date" => SubsidySort.CreatedDate,
            "acceptance_start_datetime" => SubsidySort.AcceptanceStart,
            "acceptance_end_datetime" => SubsidySort.AcceptanceEnd,
            _ => Fail("sort", "Api.Sort", SubsidySort.CreatedDate),
        };
        var descending = Order?.ToUpperInvariant() switch
        {
            null or "" or "DESC" => true,
            "ASC" => false,
            _ => Fail("order", "Api.Order", true),
        };
        query.Open = Acceptance switch
        {
            null or "" or "0" => false,
            "1" => true,
            _ => Fail("acceptance", "Api.Acceptance", false),
        };

        IReadOnlyList<Purpose>? purposes = null;
        if (!string.IsNullOrWhiteSpace(UsePurpose))
        {
            purposes = words.Purposes(UsePurpose) ?? Fail<IReadOnlyList<Purpose>?>("use_purpose", "Api.UsePurpose", null);
        }

        if (!string.IsNullOrWhiteSpace(Industry))
        {
            query.Industry = words.IndustryMajor(Industry) ?? Fail<string?>("industry", "Api.Industry", null);
        }

        if (!string.IsNullOrWhiteSpace(TargetNumberOfEmployees))
        {
            query.Employees = JGrantsVocabulary.Bracket(TargetNumberOfEmployees) ?? Fail<EmployeeBracket?>("target_number_of_employees", "Api.Employees", null);
        }

        var nationwideOnly = false;
        if (!string.IsNullOrWhiteSpace(TargetAreaSearch))
        {
            nationwideOnly = TargetAreaSearch.Trim() == JGrantsVocabulary.Nationwide;
            if (!nationwideOnly)
            {
                query.Pref = words.PrefectureCode(TargetAreaSearch) ?? Fail<string?>("target_area_search", "Api.Area", null);
            }
        }

        var page = Whole(Page, 1, 1, int.MaxValue, "page", "Api.Page");
        var pageSize = Whole(PageSize, 20, 1, MaxPageSize, "pageSize", "Api.PageSize");

        search = new SubsidySearch(query, purposes, nationwideOnly, sort, descending, page, pageSize);
        return problems.Count == 0;

        T Fail<T>(string parameter, string message, T fallback)
        {
            problems[parameter] = message;
            return fallback;
        }

        int Whole(string? text, int fallback, int min, int max, string parameter, string message)
        {
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : Fail(parameter, message, fallback);
        }
    }
}

/// <summary>A read <see cref="SubsidyParameters"/>: the catalogue's filters plus what only the API asks.</summary>
public sealed record SubsidySearch(
    MeasureQuery Query, IReadOnlyList<Purpose>? Purposes, bool NationwideOnly, SubsidySort Sort, bool Descending, int Page, int PageSize)
{
    public bool Matches(IndexedMeasure m) =>
        (Purposes is null || m.Purposes.Any(Purposes.Contains)) && (!NationwideOnly || m.Prefectures.Count == 0);

    public IEnumerable<IndexedMeasure> Order(IEnumerable<IndexedMeasure> measures)
    {
        Func<IndexedMeasure, DateTime?> key = Sort switch
        {
            SubsidySort.AcceptanceStart => m => m.StartUtc,
            SubsidySort.AcceptanceEnd => m => m.EndUtc,
            _ => m => m.CreatedAtUtc,
        };
        // Measures without the date come last either way; the id breaks ties so pages never overlap.
        var withDate = measures.OrderBy(m => key(m) is null);
        return (Descending ? withDate.ThenByDescending(key) : withDate.ThenBy(key)).ThenBy(m => m.Id);
    }
}
