using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Rule = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Fingerprint = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Values = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OtherApplicationId = table.Column<int>(type: "int", nullable: true),
                    Lines = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OtherBusinessIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RaisedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
