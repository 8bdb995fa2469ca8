using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
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
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'SalesGrowth', -5, 0, 5, 10, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'SalesGrowth');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'OperatingMargin', 0, 2, 4, 8, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'OperatingMargin');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'LabourProductivity', 0, 500, 1500, 3000, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'LabourProductivity');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'EbitdaDebtRatio', 2, 5, 10, 15, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'EbitdaDebtRatio');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'WorkingCapitalPeriod', 0.5, 1, 2, 3, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'WorkingCapitalPeriod');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkThresholds] ([Industry], [Indicator], [T1], [T2], [T3], [T4], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT N'*', N'EquityRatio', 0, 10, 30, 50, N'初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI''s published Local Benchmark thresholds)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkThresholds] WHERE [Industry] = N'*' AND [Indicator] = N'EquityRatio');");
            migrationBuilder.Sql("INSERT INTO [BenchmarkRankCutoffs] ([Id], [A], [B], [C], [Source], [PublishedOn], [Version], [UpdatedAtUtc]) SELECT 1, 24, 18, 12, N'初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)', '2026-11-27', 0, '2026-11-27T00:00:00.0000000' WHERE NOT EXISTS (SELECT 1 FROM [BenchmarkRankCutoffs]);");
        }

        private const string SeededCutoffsSource = "初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)";
    }
}
