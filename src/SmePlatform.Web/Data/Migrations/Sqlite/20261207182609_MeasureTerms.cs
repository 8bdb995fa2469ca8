using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "SupportMeasures",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<bool>(
                name: "TermsNeedReview",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TopUps",
                table: "Applications",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Track",
                table: "Applications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Each subsidy's (and other grant's) one rate, minimum and maximum become its first row of terms, before the rate
            // columns go; a loan keeps its limit as its amounts, with no terms.
            migrationBuilder.Sql(
                """
                UPDATE "SupportMeasures" SET "Terms" = '{"rows":[{'
                    || CASE WHEN "RateNumerator" IS NOT NULL AND "RateDenominator" IS NOT NULL THEN '"rate":"' || "RateNumerator" || '/' || "RateDenominator" || '",' ELSE '' END
                    || CASE WHEN "MaxAmountYen" IS NOT NULL THEN '"maxYen":' || "MaxAmountYen" || ',' ELSE '' END
                    || CASE WHEN "MinAmountYen" IS NOT NULL THEN '"minYen":' || "MinAmountYen" || ',' ELSE '' END
                    || '"bandFromYen":0}]}'
                WHERE (("RateNumerator" IS NOT NULL AND "RateDenominator" IS NOT NULL) OR "MaxAmountYen" IS NOT NULL OR "MinAmountYen" IS NOT NULL)
                    AND "Kind" IN ('Subsidy', 'Other');
                """);

            migrationBuilder.DropColumn(
                name: "RateDenominator",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "RateNumerator",
                table: "SupportMeasures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Terms",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "TermsNeedReview",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "TopUps",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Track",
                table: "Applications");

            migrationBuilder.AddColumn<int>(
                name: "RateDenominator",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RateNumerator",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);
        }
    }
}
