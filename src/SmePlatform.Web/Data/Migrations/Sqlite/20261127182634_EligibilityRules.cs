using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EligibilityRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EligibleDeemedLarge",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "NotExcluded");

            migrationBuilder.AddColumn<bool>(
                name: "EligibleExcludesRecipients",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EligibleLegalForm",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EligibleMaxCapitalYen",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleMaxYearsSinceFounding",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleMinYearsSinceFounding",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EligibleRequiresPurposeMatch",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EligibleWarnOnly",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EligibleDeemedLarge",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleExcludesRecipients",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleLegalForm",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleMaxCapitalYen",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleMaxYearsSinceFounding",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleMinYearsSinceFounding",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleRequiresPurposeMatch",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "EligibleWarnOnly",
                table: "SupportMeasures");
        }
    }
}
