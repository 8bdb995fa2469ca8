using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.Applications;

/// <summary>A measure's acceptance window, UTC instants; both null for a standing measure.</summary>
public sealed record AcceptanceWindow(DateTime? StartUtc, DateTime? EndUtc);

/// <summary>One calculated check: passed or not, as a message key with its arguments (amounts in yen, instants UTC).</summary>
public sealed record CheckResult(string Key, bool Passed, params object[] Args);

/// <summary>
/// The checks every application gets before it may be submitted, and that reviewers see: the expense total, the
/// measure's terms applied to the application (the row that applies, or why none does), the requested amount against
/// the terms' limit on the eligible cost (rate × cost by band, rounded down, capped by the maximum) and their minimum,
/// and the acceptance window. All money is whole yen; nothing here uses floating point.
/// </summary>
public static class CalculatedChecks
{
    /// <summary>The most that may be requested for an eligible cost under the applied terms; null when none apply.</summary>
    public static long? RequestLimit(TermsOutcome terms, long eligibleCostYen) => terms.Applied?.Limit(eligibleCostYen);

    public static IReadOnlyList<CheckResult> Run(TermsOutcome terms, AcceptanceWindow window, IReadOnlyCollection<long> expenseAmountsYen, long? requestedYen, DateTime nowUtc)
    {
        var total = Yen.Sum(expenseAmountsYen);
        // A failed check says what is wrong, not the rule it broke written as if it held.
        var results = new List<CheckResult>
        {
            expenseAmountsYen.Count > 0 && total > 0
                ? new("Check.ExpenseTotal", true, total, expenseAmountsYen.Count)
                : new("Check.NoExpenses", false),
        };

        if (terms.ProblemKey is { } problem)
        {
            results.Add(new CheckResult(problem, false, terms.Args));
        }

        if (requestedYen is not { } requested)
        {
            results.Add(new CheckResult("Check.RequestMissing", false));
        }
        else if (terms.Applied is { } applied)
        {
            var limit = applied.Limit(total);
            results.Add(requested <= limit
                ? new CheckResult("Check.RequestWithinLimit", true, requested, limit, total)
                : new CheckResult("Check.RequestOverLimit", false, requested, limit, total));
            if (applied.MinYen is { } min)
            {
                results.Add(requested >= min
                    ? new CheckResult("Check.RequestAtLeastMinimum", true, requested, min)
                    : new CheckResult("Check.RequestBelowMinimum", false, requested, min));
            }
        }
        else if (terms.ProblemKey is null)
        {
            results.Add(new CheckResult("Check.RequestNoLimit", true, requested));
        }

        results.Add(WindowCheck(window, nowUtc));
        return results;
    }

    /// <summary>Open when the start has come and the end has not (a standing measure is always open).</summary>
    public static CheckResult WindowCheck(AcceptanceWindow window, DateTime nowUtc) => (window.StartUtc, window.EndUtc) switch
    {
        ({ } start, _) when nowUtc < start => new CheckResult("Check.WindowNotYetOpen", false, start),
        (_, { } end) when nowUtc >= end => new CheckResult("Check.WindowClosed", false, end),
        (_, { } end) => new CheckResult("Check.WindowOpen", true, end),
        _ => new CheckResult("Check.WindowStanding", true),
    };
}
