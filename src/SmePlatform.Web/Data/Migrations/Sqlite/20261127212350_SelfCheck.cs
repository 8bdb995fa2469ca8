using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BenchmarkRankCutoffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    A = table.Column<int>(type: "INTEGER", nullable: false),
                    B = table.Column<int>(type: "INTEGER", nullable: false),
                    C = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkRankCutoffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BenchmarkThresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    T1 = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    T2 = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    T3 = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    T4 = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkThresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfCheckAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfCheckAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfCheckAnswers_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BenchmarkRankCutoffs",
                columns: new[] { "Id", "A", "B", "C", "PublishedOn", "Source", "UpdatedAtUtc", "Version" },
                values: new object[] { 1, 24, 18, 12, new DateOnly(2026, 11, 27), "初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)", new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 });

            migrationBuilder.InsertData(
                table: "BenchmarkThresholds",
                columns: new[] { "Id", "Indicator", "Industry", "PublishedOn", "Source", "T1", "T2", "T3", "T4", "UpdatedAtUtc", "Version" },
                values: new object[,]
                {
                    { 1, "SalesGrowth", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", -5m, 0m, 5m, 10m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 2, "OperatingMargin", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", 0m, 2m, 4m, 8m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 3, "LabourProductivity", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", 0m, 500m, 1500m, 3000m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 4, "EbitdaDebtRatio", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", 2m, 5m, 10m, 15m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 5, "WorkingCapitalPeriod", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", 0.5m, 1m, 2m, 3m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 6, "EquityRatio", "*", new DateOnly(2026, 11, 27), "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)", 0m, 10m, 30m, 50m, new DateTime(2026, 11, 27, 0, 0, 0, 0, DateTimeKind.Utc), 0 }
                });

            migrationBuilder.CreateIndex(
                name: "UX_BenchmarkThresholds_Industry_Indicator",
                table: "BenchmarkThresholds",
                columns: new[] { "Industry", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_SelfCheckAnswers_Business_Question",
                table: "SelfCheckAnswers",
                columns: new[] { "BusinessId", "Question" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenchmarkRankCutoffs");

            migrationBuilder.DropTable(
                name: "BenchmarkThresholds");

            migrationBuilder.DropTable(
                name: "SelfCheckAnswers");
        }
    }
}
