// The recommendation benchmark (./build.sh bench recommend): one business against 1,000 open measures, the engine's
// verdict with a reason per rule for each and the ranking, timed by BenchmarkDotNet in process (Release).
// The measures are generated from a fixed seed with every rule type; the business has every fact (so every rule
// is judged, none skipped) and purposes that match some measures. Prints BenchmarkDotNet's summary and a line
// MEDIAN_MS with the median of the run.
#:package BenchmarkDotNet
#:project ../src/SmePlatform.Web/SmePlatform.Web.csproj
#:property PublishAot=false
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data.ReferenceData;

var summary = BenchmarkRunner.Run<SmePlatform.Bench.RecommendBenchmark>(
    DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableLogFile));
var report = summary.Reports.Single();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MEDIAN_MS {report.ResultStatistics!.Median / 1_000_000:F3}"));

namespace SmePlatform.Bench
{
    public class RecommendBenchmark
    {
        public const int Seed = 20261127;
        public const int Measures = 1000;

        private Recommender _recommender = null!;
        private List<MeasureOffer> _offers = null!;
        private ApplicantFacts _business = null!;
        private readonly DateTime _now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

        [GlobalSetup]
        public void Setup()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");
            var reference = ReferenceCatalog.Load(folder);
            _recommender = new Recommender(new EligibilityEngine(SmeDefinitionFile.Load(folder), reference.MajorOf));
            var random = new Random(Seed);
            var majors = reference.Majors.Select(m => m.Code).ToArray();
            var purposes = Enum.GetValues<Purpose>();
            string[] middles = ["09", "29", "39", "56", "76"];
            T Pick<T>(T[] from) => from[random.Next(from.Length)];
            T? Sometimes<T>(Func<T> value) where T : struct => random.Next(3) == 0 ? value() : null;
            _offers = [.. Enumerable.Range(1, Measures).Select(id => new MeasureOffer(
                id,
                new EligibilityRules(
                    (SizeClassTarget)random.Next(3),
                    random.Next(3) == 0 ? [Pick(majors), Pick(middles)] : [],
                    Sometimes(() => random.Next(5, 500)),
                    Sometimes(() => (long)random.Next(1, 500) * 1_000_000),
                    random.Next(3) == 0 ? [random.Next(1, 48).ToString("D2", CultureInfo.InvariantCulture)] : [],
                    Sometimes(() => random.Next(1, 10)),
                    Sometimes(() => random.Next(10, 30)),
                    random.Next(5) == 0 ? [(LegalForm)random.Next(2)] : null,
                    (DeemedLargeExclusion)random.Next(3),
                    random.Next(2) == 0 ? [Pick(purposes), Pick(purposes)] : null,
                    random.Next(4) == 0,
                    random.Next(4) == 0 ? new HashSet<RuleKind> { RuleKind.Purpose } : null),
                [Pick(purposes), Pick(purposes)],
                Sometimes(() => (long)random.Next(1, 100) * 1_000_000),
                random.Next(2) == 0 ? _now.AddDays(random.Next(1, 120)) : null))];
            _business = new ApplicantFacts(
                LegalForm.Corporation, new IndustryCode("E", "29", "291"), 30_000_000, 45, "13", new DateOnly(2012, 6, 1),
                new HashSet<Purpose> { Purpose.EquipmentInvestment, Purpose.ItDx },
                new OwnershipFacts([new Shareholder(60m, false), new Shareholder(40m, true)], [new Officer(false), new Officer(true)], [90_000_000, 120_000_000, 80_000_000]),
                ReceivedMeasureIds: new HashSet<int> { 17, 250 },
                AppliedMeasureIds: new HashSet<int> { 17, 250, 600 });
        }

        [Benchmark]
        public int OneBusinessAgainstAThousandOpenMeasures() => _recommender.Rank(_business, _offers, _now).Count;
    }
}
