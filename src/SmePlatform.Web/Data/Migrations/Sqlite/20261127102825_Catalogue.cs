using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryJa = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BodyJa = table.Column<string>(type: "TEXT", nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RateNumerator = table.Column<int>(type: "INTEGER", nullable: true),
                    RateDenominator = table.Column<int>(type: "INTEGER", nullable: true),
                    RateTextJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RateTextEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinAmountYen = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxAmountYen = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptanceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptanceEndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficialUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContactEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleSizeClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EligibleMaxEmployees = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureIndustries",
                columns: table => new
                {
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    JsicCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureIndustries", x => new { x.MeasureId, x.JsicCode });
                    table.ForeignKey(
                        name: "FK_MeasureIndustries_SupportMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "SupportMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurePurposes",
                columns: table => new
                {
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePurposes", x => new { x.MeasureId, x.Purpose });
                    table.ForeignKey(
                        name: "FK_MeasurePurposes_SupportMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "SupportMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureRegions",
                columns: table => new
                {
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefectureCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureRegions", x => new { x.MeasureId, x.PrefectureCode });
                    table.ForeignKey(
                        name: "FK_MeasureRegions_SupportMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "SupportMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_Status_AcceptanceEnd",
                table: "SupportMeasures",
                columns: new[] { "Status", "AcceptanceEndUtc" });

            migrationBuilder.CreateIndex(
                name: "UX_SupportMeasures_Slug",
                table: "SupportMeasures",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureIndustries");

            migrationBuilder.DropTable(
                name: "MeasurePurposes");

            migrationBuilder.DropTable(
                name: "MeasureRegions");

            migrationBuilder.DropTable(
                name: "SupportMeasures");
        }
    }
}
