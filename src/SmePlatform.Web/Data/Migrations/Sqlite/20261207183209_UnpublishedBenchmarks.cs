using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnpublishedBenchmarks : Migration
    {
        /// <summary>
        /// The placeholder thresholds the platform was seeded with, the same for every industry ("*"), and the seeded
        /// rank cut-offs are not published values: an industry is now scored only by its own published thresholds, loaded
        /// by an administrator. Every all-industries row goes (nothing reads them any more); the cut-offs only while they
        /// are still the seeded ones (cut-offs an administrator loaded stay).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "BenchmarkThresholds",
                keyColumn: "Industry",
                keyValue: "*");

            migrationBuilder.DeleteData(
                table: "BenchmarkRankCutoffs",
                keyColumns: new[] { "Id", "Source" },
                keyValues: new object[] { 1, SeededCutoffsSource });
        }

        /// <summary>The seeded rows back, where no row has taken their place.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'SalesGrowth', -5, 0, 5, 10, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'SalesGrowth');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'OperatingMargin', 0, 2, 4, 8, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'OperatingMargin');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'LabourProductivity', 0, 500, 1500, 3000, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'LabourProductivity');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'EbitdaDebtRatio', 2, 5, 10, 15, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'EbitdaDebtRatio');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'WorkingCapitalPeriod', 0.5, 1, 2, 3, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'WorkingCapitalPeriod');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkThresholds\" (\"Industry\", \"Indicator\", \"T1\", \"T2\", \"T3\", \"T4\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT '*', 'EquityRatio', 0, 10, 30, 50, '初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkThresholds\" WHERE \"Industry\" = '*' AND \"Indicator\" = 'EquityRatio');");
            migrationBuilder.Sql("INSERT INTO \"BenchmarkRankCutoffs\" (\"Id\", \"A\", \"B\", \"C\", \"Source\", \"PublishedOn\", \"Version\", \"UpdatedAtUtc\") SELECT 1, 24, 18, 12, '初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)', '2026-11-27', 0, '2026-11-27 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM \"BenchmarkRankCutoffs\");");
        }

        private const string SeededCutoffsSource = "初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)";
    }
}
