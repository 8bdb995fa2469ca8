using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>Reads what the self-check needs: the profile's statements as the indicators read them, the standards, the peers.</summary>
public sealed class SelfCheckReader(SmeDbContext db)
{
    /// <summary>A fiscal year of the profile as the indicators read it; borrowings are short- plus long-term (either may be blank, not both).</summary>
    public static YearFigures Figures(FinancialYear y) => new(
        y.ClosingDate, y.Sales, y.OperatingProfit, y.Depreciation, y.CashAndDeposits, y.Receivables, y.Inventory, y.Payables,
        y.ShortTermBorrowings is null && y.LongTermBorrowings is null ? null : (y.ShortTermBorrowings ?? 0) + (y.LongTermBorrowings ?? 0),
        y.NetAssets, y.TotalAssets, y.Employees);

    /// <summary>The latest of <paramref name="years"/> before <paramref name="year"/> (the indicators say when it is not the consecutive one).</summary>
    public static YearFigures? PreviousOf(YearFigures year, IEnumerable<YearFigures> years) =>
        years.Where(y => y.ClosingDate < year.ClosingDate).MaxBy(y => y.ClosingDate);

    /// <summary>The industry's own published thresholds (a JSIC major letter; none for null) and the rank cut-offs, if on record.</summary>
    public async Task<BenchmarkStandard> StandardAsync(string? industry, CancellationToken cancellationToken = default)
    {
        var rows = industry is null ? [] : await db.BenchmarkThresholds.AsNoTracking().Where(t => t.Industry == industry).ToListAsync(cancellationToken);
        var cutoffs = await db.BenchmarkRankCutoffs.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return new BenchmarkStandard(industry, rows.ToDictionary(r => r.Indicator), cutoffs);
    }

    public async Task<List<YearFigures>> YearsAsync(int businessId, CancellationToken cancellationToken = default) =>
        [.. (await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId == businessId).OrderBy(y => y.ClosingDate).ToListAsync(cancellationToken)).Select(Figures)];

    /// <summary>
    /// Each indicator's values over the businesses of <paramref name="industry"/> on the platform: every business's
    /// latest fiscal year (with the year before it, for growth), one value per business.
    /// </summary>
    public async Task<IReadOnlyDictionary<Indicator, List<decimal>>> PeerValuesAsync(string industry, CancellationToken cancellationToken = default)
    {
        var years = await (from y in db.FinancialYears.AsNoTracking()
                           join b in db.Businesses on y.BusinessId equals b.Id
                           where b.IndustryMajor == industry
                           select y).ToListAsync(cancellationToken);
        var values = LocalBenchmark.Indicators.ToDictionary(i => i, _ => new List<decimal>());
        foreach (var business in years.GroupBy(y => y.BusinessId))
        {
            var figures = business.Select(Figures).ToList();
            var latest = figures.MaxBy(y => y.ClosingDate)!;
            foreach (var value in LocalBenchmark.Compute(latest, PreviousOf(latest, figures)))
            {
                if (value.Value is { } v)
                {
                    values[value.Indicator].Add(v);
                }
            }
        }

        return values;
    }
}
