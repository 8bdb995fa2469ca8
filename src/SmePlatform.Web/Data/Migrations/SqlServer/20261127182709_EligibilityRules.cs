using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "NotExcluded");

            migrationBuilder.AddColumn<bool>(
                name: "EligibleExcludesRecipients",
                table: "SupportMeasures",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EligibleLegalForm",
                table: "SupportMeasures",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EligibleMaxCapitalYen",
                table: "SupportMeasures",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleMaxYearsSinceFounding",
                table: "SupportMeasures",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EligibleMinYearsSinceFounding",
                table: "SupportMeasures",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EligibleRequiresPurposeMatch",
                table: "SupportMeasures",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EligibleWarnOnly",
                table: "SupportMeasures",
                type: "nvarchar(200)",
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
