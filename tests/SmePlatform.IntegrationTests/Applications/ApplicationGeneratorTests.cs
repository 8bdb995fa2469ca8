using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>The generator behind the review-queue and dashboard benchmarks: deterministic, and numbers that live submissions continue.</summary>
public class ApplicationGeneratorTests
{
    private static async Task<List<(string? Number, ApplicationStatus Status, long? Requested)>> GenerateAsync(int seed)
    {
        await using var generated = await GeneratedDatabase.CreateAsync(300, seed);
        var db = generated.Db;
        Assert.Equal(300, generated.Generated.Applications);
        var counters = await db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last);
        var applications = await db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Number, a.Status, a.RequestedYen }).ToListAsync();
        // Every prefix's counter stands at its highest generated number.
        foreach (var group in applications.Where(a => a.Number is not null).GroupBy(a => a.Number![..^7]))
        {
            Assert.Equal(group.Max(a => int.Parse(a.Number![^6..], System.Globalization.CultureInfo.InvariantCulture)), counters[group.Key]);
        }

        // What the dashboard counts by is kept with every submitted one, each save stamped for its catch-up read.
        var submitted = await db.Applications.AsNoTracking().Where(a => a.SubmittedAtUtc != null)
            .Select(a => new { a.PrefectureCode, a.IndustryMajor, a.SizeClass, a.WasReturned, a.ChangeSeq, Returned = a.Transitions.Any(t => t.To == ApplicationStatus.ReturnedForCorrection) })
            .ToListAsync();
        Assert.All(submitted, a =>
        {
            Assert.Matches("^[0-4][0-9]$", a.PrefectureCode);
            Assert.NotNull(a.IndustryMajor);
            Assert.NotNull(a.SizeClass);
            Assert.Equal(a.Returned, a.WasReturned);
            Assert.True(a.ChangeSeq > 0);
        });
        Assert.Contains(submitted, a => a.WasReturned);
        // Every application has its period and its expense lines.
        Assert.False(await db.Applications.AnyAsync(a => a.ProjectStart == null || a.ProjectEnd == null || !a.Expenses.Any()));
        return [.. applications.Select(a => (a.Number, a.Status, a.RequestedYen))];
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
