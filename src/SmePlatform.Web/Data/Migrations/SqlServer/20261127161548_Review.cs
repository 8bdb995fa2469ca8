using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only, enforced by the database: staff (and the application) cannot change it.
            // CREATE TRIGGER must begin its batch: EXEC gives it one inside the idempotent script's IF blocks.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER TR_AuditEvents_AppendOnly ON AuditEvents INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, ''AuditEvents are append-only'', 1; END');");

            migrationBuilder.AddColumn<string>(
                name: "AssigneeUserId",
                table: "Applications",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectionDueAtUtc",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAtUtc",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GrantedYen",
                table: "Applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    FieldKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Assignee_Status",
                table: "Applications",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_Application_Round",
                table: "CorrectionRequests",
                columns: new[] { "ApplicationId", "Round" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER TR_AuditEvents_AppendOnly;");

            migrationBuilder.DropTable(
                name: "CorrectionRequests");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Assignee_Status",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AssigneeUserId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CorrectionDueAtUtc",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "DecidedAtUtc",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "GrantedYen",
                table: "Applications");
        }
    }
}
