using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Time;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// Realistic synthetic support measures for tests and benchmarks: the same seed and count give the same
/// measures, whatever the machine. Marked as demo data; slugs are <c>gen-{seed}-{n}</c>.
/// </summary>
public static class MeasureGenerator
{
    private static readonly (string Ja, string En)[] Agencies =
    [
        ("中小企業庁", "SME Agency"), ("経済産業省", "Ministry of Economy, Trade and Industry"),
        ("厚生労働省", "Ministry of Health, Labour and Welfare"), ("日本政策金融公庫", "Japan Finance Corporation"),
        ("東京都", "Tokyo Metropolitan Government"), ("大阪府", "Osaka Prefecture"), ("愛知県", "Aichi Prefecture"),
        ("福岡県", "Fukuoka Prefecture"), ("北海道", "Hokkaido Government"), ("宮城県", "Miyagi Prefecture"),
    ];

    private static readonly Dictionary<Purpose, (string Ja, string En)> Topics = new()
    {
        [Purpose.EquipmentInvestment] = ("設備投資", "equipment investment"),
        [Purpose.ItDx] = ("IT導入・DX推進", "IT and DX"),
        [Purpose.SalesChannels] = ("販路開拓", "sales channel development"),
        [Purpose.SuccessionMna] = ("事業承継", "business succession"),
        [Purpose.ResearchDevelopment] = ("研究開発", "research and development"),
        [Purpose.OverseasExpansion] = ("海外展開", "overseas expansion"),
        [Purpose.HiringTraining] = ("人材育成", "staff training"),
        [Purpose.WageIncrease] = ("賃上げ", "wage increase"),
        [Purpose.EnergySavingGx] = ("省エネルギー", "energy saving"),
        [Purpose.StartUp] = ("創業", "start-up"),
        [Purpose.CashFlow] = ("資金繰り", "cash flow"),
        [Purpose.DisasterResilience] = ("防災・BCP", "disaster resilience"),
    };

    private static readonly (MeasureKind Kind, string Ja, string En)[] Kinds =
    [
        (MeasureKind.Subsidy, "補助金", "Subsidy"), (MeasureKind.Subsidy, "助成金", "Grant"),
        (MeasureKind.Loan, "融資制度", "Loan"), (MeasureKind.TaxMeasure, "税制", "Tax Incentive"),
        (MeasureKind.Certification, "計画認定", "Plan Approval"), (MeasureKind.Advice, "専門家派遣", "Expert Dispatch"),
        (MeasureKind.Other, "支援事業", "Support Programme"),
    ];

    private static readonly string[] Majors = ["A", "D", "E", "G", "H", "I", "K", "L", "M", "N", "P", "R"];
    private static readonly (int N, int D)[] Rates = [(1, 2), (2, 3), (1, 3), (3, 4)];
    private static readonly long[] MaxAmounts = [500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 30_000_000, 100_000_000];

    public static IEnumerable<SupportMeasure> Generate(int count, int seed, DateTime nowUtc)
    {
        var random = new Random(seed);
        var today = JapanTime.DateOf(nowUtc);
        var purposes = Enum.GetValues<Purpose>();
        for (var n = 1; n <= count; n++)
        {
            var agency = Agencies[random.Next(Agencies.Length)];
            var purpose = purposes[random.Next(purposes.Length)];
            var second = purposes[random.Next(purposes.Length)];
            var (kind, kindJa, kindEn) = Kinds[random.Next(Kinds.Length)];
            var topic = Topics[purpose];
            var year = 2025 + random.Next(3);
            var measure = new SupportMeasure
            {
                Slug = $"gen-{seed}-{n}",
                IsDemo = true,
                Status = MeasureStatus.Published,
                Kind = kind,
                TitleJa = $"{agency.Ja} {topic.Ja}{kindJa}（{year}年度・第{1 + (n % 4)}回）",
                TitleEn = $"{agency.En} {Capitalize(topic.En)} {kindEn} ({year}, round {1 + (n % 4)})",
                SummaryJa = $"{topic.Ja}に取り組む事業者を支援します。生成されたテスト用データです。",
                SummaryEn = $"Supports businesses working on {topic.En}. Generated test data.",
                BodyJa = $"{topic.Ja}に関する経費の一部を支援します。\n\n## ご注意\n\nこれは生成されたテスト用データです。\n",
                BodyEn = $"Covers part of the cost of {topic.En}.\n\n## Please note\n\nThis is generated test data.\n",
                AgencyJa = agency.Ja,
                AgencyEn = agency.En,
                ContactJa = $"{agency.Ja} 窓口",
                ContactEn = $"{agency.En} help desk",
                CreatedAtUtc = nowUtc,
                UpdatedAtUtc = nowUtc,
                PublishedAtUtc = nowUtc.AddDays(-random.Next(365)),
            };

            SubsidyRate? rate = null;
            if (kind == MeasureKind.Subsidy)
            {
                var (numerator, denominator) = Rates[random.Next(Rates.Length)];
                rate = new SubsidyRate(numerator, denominator);
                measure.RateTextJa = $"{numerator}/{denominator}以内";
                measure.RateTextEn = $"Up to {numerator}/{denominator}";
            }

            if (kind is MeasureKind.Subsidy or MeasureKind.Loan or MeasureKind.Other)
            {
                var max = MaxAmounts[random.Next(MaxAmounts.Length)];
                var min = random.Next(3) == 0 ? max / 10 : (long?)null;
                if (kind.HasTerms())
                {
                    measure.SetTerms(SubsidyTerms.Simple(rate, min, max));
                }
                else
                {
                    measure.SetAmounts(min, max);
                }
            }

            if (kind is not (MeasureKind.TaxMeasure or MeasureKind.Certification) || random.Next(4) == 0)
            {
                // Windows from a year ago to half a year ahead: closed, open, closing soon and upcoming.
                var start = today.AddDays(random.Next(-365, 120));
                var end = start.AddDays(random.Next(14, 120));
                measure.AcceptanceStartUtc = JapanTime.ToUtc(start, TimeOnly.MinValue);
                measure.AcceptanceEndUtc = JapanTime.ToUtc(end, new TimeOnly(17, 0));
            }

            measure.Eligibility.SizeClass = (SizeClassTarget)random.Next(3);
            measure.Eligibility.MaxEmployees = random.Next(4) switch { 0 => 20, 1 => 300, _ => null };
            if (random.Next(3) == 0)
            {
                measure.Eligibility.Industries.Add(new MeasureIndustry { JsicCode = Majors[random.Next(Majors.Length)] });
            }

            if (random.Next(3) == 0)
            {
                measure.Eligibility.Regions.Add(new MeasureRegion { PrefectureCode = (1 + random.Next(47)).ToString("00", System.Globalization.CultureInfo.InvariantCulture) });
            }

            measure.Purposes.Add(new MeasurePurpose { Purpose = purpose });
            if (second != purpose)
            {
                measure.Purposes.Add(new MeasurePurpose { Purpose = second });
            }

            measure.RefreshSearchText();
            yield return measure;
        }
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
