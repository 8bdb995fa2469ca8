using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DurableChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Submissions_IdempotencyKey",
                table: "Submissions");

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "OutboxMessages",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntilUtc",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IntegrityCheckJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LeaseUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityCheckJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrityCheckJobs_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Submissions_Application_IdempotencyKey",
                table: "Submissions",
                columns: new[] { "ApplicationId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCheckJobs_ApplicationId",
                table: "IntegrityCheckJobs",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCheckJobs_Pending",
                table: "IntegrityCheckJobs",
                columns: new[] { "DoneAtUtc", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityCheckJobs");

            migrationBuilder.DropIndex(
                name: "UX_Submissions_Application_IdempotencyKey",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntilUtc",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "UX_Submissions_IdempotencyKey",
                table: "Submissions",
                column: "IdempotencyKey",
                unique: true);
        }
    }
}
