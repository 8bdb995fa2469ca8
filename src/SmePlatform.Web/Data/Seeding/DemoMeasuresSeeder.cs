using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Seeding;

/// <summary>
/// Loads the demo measures (Data/Seeding/demo-measures.json) when <c>Seed:DemoMeasures</c> is true, never in
/// Production. Idempotent by slug; each start moves the demo acceptance windows to stay relative to today,
/// so the demo always has measures open, closing soon, upcoming and closed.
/// </summary>
public sealed class DemoMeasuresSeeder(SmeDbContext db, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<DemoMeasuresSeeder> logger)
{
    public const string File = "Data/Seeding/demo-measures.json";

    public async Task<bool> SeedAsync()
    {
        if (!configuration.GetValue<bool>("Seed:DemoMeasures") || environment.IsProduction())
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(now);
        var demo = Read();
        var existing = await db.SupportMeasures.Where(m => m.IsDemo).ToDictionaryAsync(m => m.Slug);
        foreach (var entry in demo)
        {
            if (!existing.TryGetValue(entry.Slug, out var measure))
            {
                measure = new SupportMeasure { Slug = entry.Slug, IsDemo = true, CreatedAtUtc = now, PublishedAtUtc = now.AddDays(entry.StartOffsetDays ?? -60) };
                db.SupportMeasures.Add(measure);
            }

            entry.ApplyTo(measure, today, now);
        }

        await db.SaveChangesAsync();
        await SeedFormsAsync(now);
        logger.LogInformation("Demo measures ready: {Count}", demo.Count);
        return true;
    }

    public const string FormsFile = "Data/Seeding/demo-forms.json";

    /// <summary>The demo application forms: a measure's form gets a new version when the file's differs from its latest.</summary>
    private async Task SeedFormsAsync(DateTime now)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, FormsFile)));
        foreach (var entry in document.RootElement.GetProperty("forms").EnumerateObject())
        {
            var definition = entry.Value.Deserialize<FormDefinition>(FormDefinition.Json)!.ToJson();
            var measureId = await db.SupportMeasures.Where(m => m.Slug == entry.Name).Select(m => m.Id).FirstAsync();
            var latest = await db.ApplicationForms.Where(f => f.MeasureId == measureId).OrderByDescending(f => f.Version).FirstOrDefaultAsync();
            if (latest?.Definition != definition)
            {
                db.ApplicationForms.Add(new ApplicationForm { MeasureId = measureId, Version = (latest?.Version ?? 0) + 1, Definition = definition, CreatedAtUtc = now });
            }
        }

        await db.SaveChangesAsync();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static List<DemoMeasure> Read()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, File)));
        return document.RootElement.GetProperty("measures").Deserialize<List<DemoMeasure>>(JsonOptions)!;
    }

    /// <summary>
    /// Makes an owned collection hold exactly <paramref name="keys"/>, keeping rows that stay: replacing them
    /// with new instances of the same key would make EF track two rows with one key.
    /// </summary>
    private static void Sync<T, TKey>(List<T> rows, IEnumerable<TKey> keys, Func<T, TKey> keyOf, Func<TKey, T> create)
    {
        var wanted = keys.ToHashSet();
        rows.RemoveAll(row => !wanted.Contains(keyOf(row)));
        rows.AddRange(wanted.Except(rows.Select(keyOf)).Select(create));
    }

    private sealed record DemoMeasure(
        string Slug, MeasureKind Kind, string TitleJa, string TitleEn, string SummaryJa, string SummaryEn,
        string AgencyJa, string AgencyEn, List<Purpose> Purposes, int? StartOffsetDays, int? EndOffsetDays,
        int[]? Rate, long? MinAmountYen, long? MaxAmountYen, SizeClassTarget SizeClass, int? MaxEmployees,
        List<string> Industries, List<string> Regions, string RateTextJa, string RateTextEn,
        long? MaxCapitalYen = null, int? MinYearsSinceFounding = null, int? MaxYearsSinceFounding = null, LegalForm? LegalForm = null,
        DeemedLargeExclusion DeemedLarge = DeemedLargeExclusion.NotExcluded, bool RequiresPurposeMatch = false, bool ExcludesRecipients = false,
        List<RuleKind>? WarnOnly = null, JsonElement? Terms = null)
    {
        public void ApplyTo(SupportMeasure measure, DateOnly today, DateTime now)
        {
            measure.Kind = Kind;
            measure.Status = MeasureStatus.Published;
            measure.TitleJa = TitleJa;
            measure.TitleEn = TitleEn;
            measure.SummaryJa = SummaryJa;
            measure.SummaryEn = SummaryEn;
            measure.AgencyJa = AgencyJa;
            measure.AgencyEn = AgencyEn;
            measure.BodyJa = $"{SummaryJa}\n\n## 対象となる方\n\n公募要領に定める要件を満たす事業者が対象です。\n\n## ご注意\n\nこの支援策はデモ用の架空のものです。実在の制度とは関係ありません。\n";
            measure.BodyEn = $"{SummaryEn}\n\n## Who can apply\n\nBusinesses that meet the requirements of the call guidelines.\n\n## Please note\n\nThis measure is fictitious demo data, unrelated to any real programme.\n";
            // Terms written out in full (docs/terms.md), or one row from the shorthand of rate, minimum and maximum; a
            // loan has its limit and no terms.
            if (!Kind.HasTerms())
            {
                measure.SetAmounts(MinAmountYen, MaxAmountYen);
            }
            else
            {
                measure.SetTerms(Terms is { } terms
                    ? terms.Deserialize<SubsidyTerms>(SubsidyTerms.Json)!
                    : SubsidyTerms.Simple(Rate is [var numerator, var denominator] ? new SubsidyRate(numerator, denominator) : null, MinAmountYen, MaxAmountYen));
            }

            measure.RateTextJa = RateTextJa;
            measure.RateTextEn = RateTextEn;
            // Opens at 00:00 JST, closes at 17:00 JST on its closing day.
            measure.AcceptanceStartUtc = StartOffsetDays is { } start ? JapanTime.ToUtc(today.AddDays(start), TimeOnly.MinValue) : null;
            measure.AcceptanceEndUtc = EndOffsetDays is { } end ? JapanTime.ToUtc(today.AddDays(end), new TimeOnly(17, 0)) : null;
            measure.ContactJa = $"{AgencyJa} 中小企業支援窓口（デモ）";
            measure.ContactEn = $"{AgencyEn} SME help desk (demo)";
            measure.OfficialUrl = null;
            measure.Eligibility.SizeClass = SizeClass;
            measure.Eligibility.MaxEmployees = MaxEmployees;
            measure.Eligibility.MaxCapitalYen = MaxCapitalYen;
            measure.Eligibility.MinYearsSinceFounding = MinYearsSinceFounding;
            measure.Eligibility.MaxYearsSinceFounding = MaxYearsSinceFounding;
            measure.Eligibility.LegalForm = LegalForm;
            measure.Eligibility.DeemedLarge = DeemedLarge;
            measure.Eligibility.RequiresPurposeMatch = RequiresPurposeMatch;
            measure.Eligibility.ExcludesRecipients = ExcludesRecipients;
            measure.Eligibility.WarnOnly = string.Join(',', (WarnOnly ?? []).Order());
            Sync(measure.Eligibility.Industries, Industries, i => i.JsicCode, code => new MeasureIndustry { JsicCode = code });
            Sync(measure.Eligibility.Regions, Regions, r => r.PrefectureCode, code => new MeasureRegion { PrefectureCode = code });
            Sync(measure.Purposes, Purposes, p => p.Purpose, purpose => new MeasurePurpose { Purpose = purpose });
            measure.UpdatedAtUtc = now;
            measure.RefreshSearchText();
        }
    }
}
