using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Integrity;
using SmePlatform.IntegrationTests.Applications;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.IntegrationTests.Integrity;

/// <summary>The nightly scan over generated data with known cases of every rule planted: it finds those, and nothing else.</summary>
public class GeneratedScanTests
{
    [Fact]
    public async Task TheScan_OverGeneratedData_FindsExactlyThePlantedCases()
    {
        await using var generated = await GeneratedDatabase.CreateAsync(3000, 7);
        var db = generated.Db;
        var planted = generated.Generated.Planted.Select(p => (p.Rule, p.ApplicationId)).Order().ToList();
        Assert.Equal(Enum.GetValues<IntegrityRule>(), planted.Select(p => p.Rule).Distinct().Order());
        var applicants = new ApplicantFactsReader(db);
        var scanner = new IntegrityScanner(db, new IntegrityInspector(db, GeneratedDatabase.Sme, applicants, TimeProvider.System), applicants, TimeProvider.System);

        var first = await ScanAsync(db, scanner);

        var flags = await db.IntegrityFlags.AsNoTracking().Where(f => f.State == FlagState.Open).Select(f => new { f.Rule, f.ApplicationId }).ToListAsync();
        Assert.Equal(planted, flags.Select(f => (f.Rule, f.ApplicationId)).Order());
        var claiming = await db.Applications.CountAsync(a => IntegrityInspector.Claiming.Contains(a.Status));
        Assert.Equal((ScanState.Finished, claiming, claiming, planted.Count, 0), (first.State, first.Total, first.Done, first.Raised, first.Cleared));

        // The next night finds the same, and raises nothing twice.
        var second = await ScanAsync(db, scanner);
        Assert.Equal((ScanState.Finished, 0, 0), (second.State, second.Raised, second.Cleared));
        Assert.Equal(planted.Count, await db.IntegrityFlags.CountAsync());
    }

    private static async Task<IntegrityScan> ScanAsync(Web.Data.SmeDbContext db, IntegrityScanner scanner)
    {
        var scan = new IntegrityScan { State = ScanState.Queued, RequestedAtUtc = GeneratedDatabase.Now };
        db.IntegrityScans.Add(scan);
        await db.SaveChangesAsync();
        await scanner.RunAsync(scan.Id, CancellationToken.None);
        return await db.IntegrityScans.AsNoTracking().SingleAsync(s => s.Id == scan.Id);
    }
}
