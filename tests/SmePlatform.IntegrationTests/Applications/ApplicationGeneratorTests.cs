using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Generation;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>The generator behind the review-queue and dashboard benchmarks: deterministic, and numbers that live submissions continue.</summary>
public class ApplicationGeneratorTests
{
    private static async Task<List<(string? Number, ApplicationStatus Status, long? Requested)>> GenerateAsync(int seed)
    {
        // A database of its own: generated applications would crowd the shared one's review queue.
        using var app = new SmeAppFactory();
        var now = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
        Assert.Equal(300, await app.WithDbAsync(db => ApplicationGenerator.GenerateAsync(db, 300, seed, now, _ => { })));
        var counters = await app.WithDbAsync(db => db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last));
        var generated = await app.WithDbAsync(db => db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Number, a.Status, a.RequestedYen }).ToListAsync());
        // Every prefix's counter stands at its highest generated number.
        foreach (var group in generated.Where(a => a.Number is not null).GroupBy(a => a.Number![..^7]))
        {
            Assert.Equal(group.Max(a => int.Parse(a.Number![^6..], System.Globalization.CultureInfo.InvariantCulture)), counters[group.Key]);
        }

        return [.. generated.Select(a => (a.Number, a.Status, a.RequestedYen))];
    }

    [Fact]
    public async Task TheSameSeed_GivesTheSameApplications_AcrossTheLifecycle()
    {
        var first = await GenerateAsync(11);
        var again = await GenerateAsync(11);
        var other = await GenerateAsync(12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Select(a => a.Status).Distinct().Count() >= 7);
        Assert.Equal(first.Count(a => a.Number is not null), first.Select(a => a.Number).OfType<string>().Distinct().Count());
    }
}
