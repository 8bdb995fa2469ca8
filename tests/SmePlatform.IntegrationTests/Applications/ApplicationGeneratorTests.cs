using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Generation;
using SmePlatform.Web.Data.Providers;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>The generator behind the review-queue and dashboard benchmarks: deterministic, and numbers that live submissions continue.</summary>
public class ApplicationGeneratorTests
{
    private static readonly SmeDefinition Sme = SmeDefinitionFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData"));

    private static async Task<List<(string? Number, ApplicationStatus Status, long? Requested)>> GenerateAsync(int seed)
    {
        // A database of its own, migrated, with two measures that take applications (no second host: the shared
        // one's review queue is not crowded, and its logging is not disturbed).
        var path = Path.Combine(Path.GetTempPath(), $"generator-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteSmeDbContext>().UseSqlite($"Data Source={path}").Options;
            await using var db = new SqliteSmeDbContext(options);
            await db.Database.MigrateAsync();
            var now = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
            foreach (var code in new[] { "GENA", "GENB" })
            {
                var measure = new SupportMeasure { Slug = code.ToLowerInvariant(), TitleJa = "生成", TitleEn = "Generated", Kind = MeasureKind.Subsidy, Status = MeasureStatus.Published, CreatedAtUtc = now, UpdatedAtUtc = now };
                db.SupportMeasures.Add(measure);
                await db.SaveChangesAsync();
                var form = new FormDefinition(code, ["Name"], [new FormSection("s", "節", "Section", [new FormField("a", FieldKind.Text, "問", "Question")])]);
                db.ApplicationForms.Add(new ApplicationForm { MeasureId = measure.Id, Version = 1, Definition = form.ToJson(), CreatedAtUtc = now });
                await db.SaveChangesAsync();
            }

            Assert.Equal(300, await ApplicationGenerator.GenerateAsync(db, Sme, 300, seed, now, _ => { }));
            var counters = await db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last);
            var generated = await db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Number, a.Status, a.RequestedYen }).ToListAsync();
            // Every prefix's counter stands at its highest generated number.
            foreach (var group in generated.Where(a => a.Number is not null).GroupBy(a => a.Number![..^7]))
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
            return [.. generated.Select(a => (a.Number, a.Status, a.RequestedYen))];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
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
