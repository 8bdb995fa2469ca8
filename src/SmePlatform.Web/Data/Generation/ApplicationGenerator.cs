using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// Synthetic businesses and applications for benchmarks and the dashboard: one business per ten applications, the
/// applications spread over the measures that have application forms, across every status of the lifecycle,
/// submitted over the last 120 days. The same seed and count give the same data. Numbers continue each form's
/// counter, so live submissions after a generation never collide with generated ones.
/// </summary>
public static class ApplicationGenerator
{
    private static readonly (ApplicationStatus Status, int Weight)[] Statuses =
    [
        (ApplicationStatus.Draft, 20), (ApplicationStatus.Submitted, 25), (ApplicationStatus.UnderReview, 20),
        (ApplicationStatus.ReturnedForCorrection, 5), (ApplicationStatus.Resubmitted, 5), (ApplicationStatus.Selected, 10),
        (ApplicationStatus.NotSelected, 10), (ApplicationStatus.GrantDecided, 4), (ApplicationStatus.Withdrawn, 1),
    ];

    private static readonly (string Major, string Middle)[] Industries = [("E", "09"), ("E", "26"), ("I", "58"), ("D", "06"), ("G", "39"), ("M", "76"), ("P", "83")];

    public static async Task<int> GenerateAsync(SmeDbContext db, int count, int seed, DateTime nowUtc, Action<string> report)
    {
        var forms = await db.ApplicationForms.AsNoTracking()
            .GroupBy(f => f.MeasureId)
            .Select(g => g.OrderByDescending(f => f.Version).First())
            .ToListAsync();
        if (forms.Count == 0)
        {
            report("No measure has an application form: start once with Seed:DemoMeasures=true (or add a form) first.");
            return 0;
        }

        var random = new Random(seed);
        var codes = forms.ToDictionary(f => f.Id, f => f.Read().Code);
        var counters = await db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last);
        var businessIds = await GenerateBusinessesAsync(db, Math.Max(1, count / 10), seed, random, nowUtc);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<Application>();
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                var form = forms[random.Next(forms.Count)];
                var status = Pick(random);
                var created = nowUtc.AddMinutes(-random.Next(60, 120 * 24 * 60));
                var application = new Application
                {
                    BusinessId = businessIds[random.Next(businessIds.Count)],
                    MeasureId = form.MeasureId,
                    FormId = form.Id,
                    Status = status,
                    CreatedByUserId = "generator",
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                    StatusChangedAtUtc = created,
                    RequestedYen = random.Next(10, 1250) * 10_000L,
                    Version = 1,
                };
                if (status != ApplicationStatus.Draft)
                {
                    var submitted = created.AddMinutes(random.Next(10, 3 * 24 * 60));
                    var prefix = $"{JapanTime.DateOf(submitted).Year}-{codes[form.Id]}";
                    counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
                    application.Number = $"{prefix}-{counters[prefix]:D6}";
                    application.Rounds = status is ApplicationStatus.Resubmitted ? 2 : 1;
                    application.SubmittedAtUtc = submitted;
                    application.StatusChangedAtUtc = submitted;
                    application.UpdatedAtUtc = submitted;
                    application.GrantedYen = status == ApplicationStatus.GrantDecided ? application.RequestedYen : null;
                }

                application.Transitions.Add(new ApplicationTransition { To = status, AtUtc = application.StatusChangedAtUtc, ByUserId = "generator" });
                batch.Add(application);
            }

            db.Applications.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        foreach (var (prefix, last) in counters)
        {
            if (await db.ApplicationNumberCounters.Where(c => c.Prefix == prefix).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, last)) == 0)
            {
                db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Prefix = prefix, Last = last });
            }
        }

        await db.SaveChangesAsync();
        await db.OptimizeAsync();
        report($"Generated {businessIds.Count} businesses and {count} applications with seed {seed}.");
        return count;
    }

    private static ApplicationStatus Pick(Random random)
    {
        var roll = random.Next(Statuses.Sum(s => s.Weight));
        foreach (var (status, weight) in Statuses)
        {
            if (roll < weight)
            {
                return status;
            }

            roll -= weight;
        }

        return ApplicationStatus.Draft;
    }

    private static async Task<List<int>> GenerateBusinessesAsync(SmeDbContext db, int count, int seed, Random random, DateTime nowUtc)
    {
        var ids = new List<int>(count);
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<Business>();
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                // 12 digits from the seed and the index, then the check digit: unique per (seed, n) up to 10^7 businesses.
                var twelve = $"9{seed % 10_000:D4}{n:D7}";
                var (major, middle) = Industries[random.Next(Industries.Length)];
                batch.Add(new Business
                {
                    LegalForm = LegalForm.Corporation,
                    CorporateNumber = $"{CorporateNumber.CheckDigit(twelve)}{twelve}",
                    Name = $"生成{seed}-{n}株式会社",
                    NameKana = "セイセイカブシキガイシャ",
                    Verification = VerificationState.Verified,
                    CreatedAtUtc = nowUtc.AddDays(-400),
                    UpdatedAtUtc = nowUtc.AddDays(-400),
                    PrefectureCode = (random.Next(47) + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                    IndustryMajor = major,
                    IndustryMiddle = middle,
                    RegularEmployees = random.Next(1, 300),
                    CapitalYen = random.Next(1, 300) * 1_000_000L,
                });
            }

            db.Businesses.AddRange(batch);
            await db.SaveChangesAsync();
            ids.AddRange(batch.Select(b => b.Id));
            db.ChangeTracker.Clear();
        }

        return ids;
    }
}
