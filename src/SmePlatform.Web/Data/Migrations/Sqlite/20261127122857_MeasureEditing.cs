using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Bodies written before this migration are Markdown.
            migrationBuilder.AddColumn<string>(
                name: "BodyFormat",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Markdown");

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SupportMeasures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "UX_SupportMeasures_ExternalId",
                table: "SupportMeasures",
                column: "ExternalId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_SupportMeasures_ExternalId",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "BodyFormat",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SupportMeasures");
        }
    }
}
