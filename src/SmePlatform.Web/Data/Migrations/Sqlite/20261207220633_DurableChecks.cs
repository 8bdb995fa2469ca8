using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntilUtc",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IntegrityCheckJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
