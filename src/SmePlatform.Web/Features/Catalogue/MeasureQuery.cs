using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Features.Catalogue;

public enum MeasureSort
{
    Deadline,
    Newest,
    Amount,
}

/// <summary>Ranges of the maximum amount, for the amount facet.</summary>
public enum AmountRange
{
    UpTo1M,
    From1MTo5M,
    From5MTo10M,
    From10MTo50M,
    Over50M,
}

/// <summary>
/// Everything the search page can be asked, bound from the query string: every state of the page is a
/// URL that reproduces it. Unknown values bind to null and are ignored.
/// </summary>
public sealed class MeasureQuery
{
    public const int PageSize = 20;
    public static readonly int[] ClosingWithinChoices = [7, 14, 30];

    public string? Q { get; set; }
    public Purpose? Purpose { get; set; }
    public MeasureKind? Kind { get; set; }
    /// <summary>JSIC major category letter.</summary>
    public string? Industry { get; set; }
    /// <summary>JIS prefecture code.</summary>
    public string? Pref { get; set; }
    public EmployeeBracket? Employees { get; set; }
    public bool Open { get; set; }
    public int? Closing { get; set; }
    public AmountRange? Amount { get; set; }
    public MeasureSort Sort { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The query string of this search with some values changed (null removes a value).</summary>
    public Dictionary<string, string> RouteValues(params (string Key, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["purpose"] = Purpose,
            ["kind"] = Kind,
            ["industry"] = Industry,
            ["pref"] = Pref,
            ["employees"] = Employees,
            ["open"] = Open ? true : null,
            ["closing"] = Closing,
            ["amount"] = Amount,
            ["sort"] = Sort == MeasureSort.Deadline ? null : Sort,
            ["page"] = Page > 1 ? Page : null,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return values.Where(v => v.Value is not null)
            .ToDictionary(v => v.Key, v => v.Value is bool b ? (b ? "true" : "false") : v.Value!.ToString()!, StringComparer.Ordinal);
    }

    public static (long? Min, long? Max) Bounds(AmountRange range) => range switch
    {
        AmountRange.UpTo1M => (null, 1_000_000),
        AmountRange.From1MTo5M => (1_000_001, 5_000_000),
        AmountRange.From5MTo10M => (5_000_001, 10_000_000),
        AmountRange.From10MTo50M => (10_000_001, 50_000_000),
        _ => (50_000_001, null),
    };
}
