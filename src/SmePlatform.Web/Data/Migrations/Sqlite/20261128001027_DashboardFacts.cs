using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangeSeq",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "IndustryMajor",
                table: "Applications",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrefectureCode",
                table: "Applications",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WasReturned",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "ChangeCounters",
                columns: new[] { "Name", "Value" },
                values: new object[] { "applications", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ChangeSeq",
                table: "Applications",
                column: "ChangeSeq");

            // What the dashboard counts each submitted application under: the business's prefecture and industry as
            // they are now (the nearest to "at its last submission" that can be known), and whether it was ever returned.
            migrationBuilder.Sql(
                "UPDATE Applications SET "
                + "PrefectureCode = (SELECT b.PrefectureCode FROM Businesses b WHERE b.Id = Applications.BusinessId), "
                + "IndustryMajor = (SELECT b.IndustryMajor FROM Businesses b WHERE b.Id = Applications.BusinessId) "
                + "WHERE SubmittedAtUtc IS NOT NULL;");
            migrationBuilder.Sql(
                "UPDATE Applications SET WasReturned = 1 WHERE EXISTS (SELECT 1 FROM ApplicationTransitions t "
                + "WHERE t.ApplicationId = Applications.Id AND t.\"To\" = 'ReturnedForCorrection');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeCounters");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ChangeSeq",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ChangeSeq",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "IndustryMajor",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PrefectureCode",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WasReturned",
                table: "Applications");
        }
    }
}
