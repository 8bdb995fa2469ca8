using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck.Overview;

/// <summary>The benchmark list: which industries have their thresholds on record, and the rank cut-offs.</summary>
public sealed class BenchmarkOverviewQuery(SmeDbContext db, ReferenceCatalog reference) : IUseCase
{
    public async Task<BenchmarkPage> HandleAsync()
    {
        var rows = await db.BenchmarkThresholds.AsNoTracking().ToListAsync();
        return new BenchmarkPage(
            [.. reference.Majors.Select(m => new IndustryCoverage(m, rows.Where(r => r.Industry == m.Code).ToDictionary(r => r.Indicator)))],
            await db.BenchmarkRankCutoffs.AsNoTracking().FirstOrDefaultAsync());
    }

    /// <summary>One industry's six indicators: the thresholds on record, or that they are not yet; null for no such industry.</summary>
    public async Task<IndustryCoverage?> IndustryAsync(string industry) =>
        reference.Majors.FirstOrDefault(m => m.Code == industry) is { } major
            ? new IndustryCoverage(major, await db.BenchmarkThresholds.AsNoTracking().Where(r => r.Industry == industry).ToDictionaryAsync(r => r.Indicator))
            : null;
}
