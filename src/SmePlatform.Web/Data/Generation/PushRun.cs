using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// The push benchmark's run (<c>generate push --count N</c>): publishes N new measures one after another, each with
/// its match job written beside it as the editor does, and runs each job as the dispatcher would, timing the job
/// (every business judged, the notices of the matching ones' members inserted). Prints one line per measure.
/// </summary>
public static class PushRun
{
    public static async Task<int> RunAsync(IServiceProvider services, int count, Action<string> log)
    {
        for (var run = 1; run <= count; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var measure = Measure(run, now);
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            var job = PushMatcher.Job(PushMatcher.MeasurePublished, measure.Id, now);
            db.OutboxMessages.Add(job);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<CatalogueIndex>().Invalidate();
            await scope.ServiceProvider.GetRequiredService<CatalogueIndex>().MeasuresAsync();

            var watch = Stopwatch.StartNew();
            var notices = await scope.ServiceProvider.GetRequiredService<PushMatcher>().RunAsync(job);
            watch.Stop();
            var businesses = await db.Businesses.CountAsync();
            log(string.Create(CultureInfo.InvariantCulture, $"PUSH_MS {watch.Elapsed.TotalMilliseconds:F1} NOTICES {notices} BUSINESSES {businesses}"));
        }

        return 0;
    }

    /// <summary>A subsidy open for 60 days with a rule of every common kind, so every business is judged on all of them.</summary>
    private static SupportMeasure Measure(int run, DateTime now)
    {
        var measure = new SupportMeasure
        {
            Slug = $"push-bench-{now:yyyyMMddHHmmss}-{run}",
            TitleJa = $"プッシュ計測用の支援策 {run}",
            TitleEn = $"Push benchmark measure {run}",
            SummaryJa = "計測用",
            SummaryEn = "For the benchmark",
            AgencyJa = "計測庁",
            AgencyEn = "Benchmark Agency",
            Kind = MeasureKind.Subsidy,
            Status = MeasureStatus.Published,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            PublishedAtUtc = now,
            AcceptanceStartUtc = now.AddDays(-1),
            AcceptanceEndUtc = now.AddDays(60),
            Purposes = [new MeasurePurpose { Purpose = Purpose.EquipmentInvestment }, new MeasurePurpose { Purpose = Purpose.ItDx }],
            Eligibility = new MeasureEligibility
            {
                SizeClass = SizeClassTarget.Sme,
                MaxEmployees = 200,
                MinYearsSinceFounding = 3,
                DeemedLarge = DeemedLargeExclusion.Excluded,
                RequiresPurposeMatch = true,
                ExcludesRecipients = true,
                WarnOnly = nameof(RuleKind.Purpose),
            },
        };
        measure.SetTerms(SubsidyTerms.Simple(null, null, 10_000_000));
        measure.RefreshSearchText();
        return measure;
    }
}
