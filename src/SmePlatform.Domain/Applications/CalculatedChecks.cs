using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.Applications;

/// <summary>What the checks need of a measure: its rate, its amounts and its acceptance window (UTC instants).</summary>
public sealed record MeasureTerms(SubsidyRate? Rate, long? MinAmountYen, long? MaxAmountYen, DateTime? AcceptanceStartUtc, DateTime? AcceptanceEndUtc);

/// <summary>One calculated check: passed or not, as a message key with its arguments (amounts in yen, instants UTC).</summary>
public sealed record CheckResult(string Key, bool Passed, params object[] Args);

/// <summary>
/// The checks every application gets before it may be submitted, and that reviewers see: the expense total,
/// the requested amount against rate × eligible cost rounded down to the yen and against the maximum, and the
/// acceptance window. All money is whole yen; nothing here uses floating point.
/// </summary>
public static class CalculatedChecks
{
    /// <summary>The most that may be requested: rate × eligible cost (rounded down), capped by the maximum.</summary>
    public static long? RequestLimit(MeasureTerms terms, long eligibleCostYen)
    {
        long? limit = terms.Rate is { } rate ? rate.Of(eligibleCostYen) : null;
        return (limit, terms.MaxAmountYen) switch
        {
            ({ } byRate, { } max) => Math.Min(byRate, max),
            (null, { } max) => max,
            (var byRate, null) => byRate,
        };
    }

    /// <summary>
    /// The amount payable after the performance report (額の確定): rate × the eligible actual cost, rounded down to
    /// the yen, and never more than the grant decided (a measure without a rate pays the actual cost up to the grant).
    /// </summary>
    public static long Payable(MeasureTerms terms, long eligibleActualCostYen, long grantedYen) =>
        Math.Max(0, Math.Min(terms.Rate is { } rate ? rate.Of(eligibleActualCostYen) : eligibleActualCostYen, grantedYen));

    public static IReadOnlyList<CheckResult> Run(MeasureTerms terms, IReadOnlyCollection<long> expenseAmountsYen, long? requestedYen, DateTime nowUtc)
    {
        var total = expenseAmountsYen.Sum();
        var results = new List<CheckResult>
        {
            new("Check.ExpenseTotal", expenseAmountsYen.Count > 0 && total > 0, total, expenseAmountsYen.Count),
        };

        var limit = RequestLimit(terms, total);
        if (requestedYen is not { } requested)
        {
            results.Add(new CheckResult("Check.RequestMissing", false));
        }
        else
        {
            results.Add(limit is { } cap
                ? new CheckResult("Check.RequestWithinLimit", requested <= cap, requested, cap, total)
                : new CheckResult("Check.RequestNoLimit", true, requested));
            if (terms.MinAmountYen is { } min)
            {
                results.Add(new CheckResult("Check.RequestAtLeastMinimum", requested >= min, requested, min));
            }
        }

        results.Add(WindowCheck(terms, nowUtc));
        return results;
    }

    /// <summary>Open when the start has come and the end has not (a standing measure is always open).</summary>
    public static CheckResult WindowCheck(MeasureTerms terms, DateTime nowUtc) => (terms.AcceptanceStartUtc, terms.AcceptanceEndUtc) switch
    {
        ({ } start, _) when nowUtc < start => new CheckResult("Check.WindowNotYetOpen", false, start),
        (_, { } end) when nowUtc >= end => new CheckResult("Check.WindowClosed", false, end),
        (_, { } end) => new CheckResult("Check.WindowOpen", true, end),
        _ => new CheckResult("Check.WindowStanding", true),
    };
}
