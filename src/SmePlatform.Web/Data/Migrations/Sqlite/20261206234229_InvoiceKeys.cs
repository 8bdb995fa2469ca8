using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoiceKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportLines_InvoiceRegistrationNumber",
                table: "ReportLines");

            migrationBuilder.DropIndex(
                name: "IX_ExpenseLines_InvoiceRegistrationNumber",
                table: "ExpenseLines");

            migrationBuilder.AddColumn<string>(
                name: "InvoiceKey",
                table: "ReportLines",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceKey",
                table: "ExpenseLines",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportLines_InvoiceKey",
                table: "ReportLines",
                column: "InvoiceKey");

            migrationBuilder.CreateIndex(
                name: "IX_ExpenseLines_InvoiceKey",
                table: "ExpenseLines",
                column: "InvoiceKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportLines_InvoiceKey",
                table: "ReportLines");

            migrationBuilder.DropIndex(
                name: "IX_ExpenseLines_InvoiceKey",
                table: "ExpenseLines");

            migrationBuilder.DropColumn(
                name: "InvoiceKey",
                table: "ReportLines");

            migrationBuilder.DropColumn(
                name: "InvoiceKey",
                table: "ExpenseLines");

            migrationBuilder.CreateIndex(
                name: "IX_ReportLines_InvoiceRegistrationNumber",
                table: "ReportLines",
                column: "InvoiceRegistrationNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ExpenseLines_InvoiceRegistrationNumber",
                table: "ExpenseLines",
                column: "InvoiceRegistrationNumber");
        }
    }
}
