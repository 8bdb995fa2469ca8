using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegrityFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrityFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Values = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OtherApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Lines = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OtherBusinessIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrityFlags_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpenseLines_InvoiceRegistrationNumber",
                table: "ExpenseLines",
                column: "InvoiceRegistrationNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Businesses_Representative",
                table: "Businesses",
                column: "RepresentativeName");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFlags_State_Rule",
                table: "IntegrityFlags",
                columns: new[] { "State", "Rule" });

            migrationBuilder.CreateIndex(
                name: "UX_IntegrityFlags_Application_Fingerprint",
                table: "IntegrityFlags",
                columns: new[] { "ApplicationId", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityFlags");

            migrationBuilder.DropIndex(
                name: "IX_ExpenseLines_InvoiceRegistrationNumber",
                table: "ExpenseLines");

            migrationBuilder.DropIndex(
                name: "IX_Businesses_Representative",
                table: "Businesses");
        }
    }
}
