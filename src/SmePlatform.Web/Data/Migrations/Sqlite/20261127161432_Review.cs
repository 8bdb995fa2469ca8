using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only, enforced by the database: staff (and the application) cannot change it.
            migrationBuilder.Sql("CREATE TRIGGER TR_AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'AuditEvents are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER TR_AuditEvents_NoDelete BEFORE DELETE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'AuditEvents are append-only'); END;");

            migrationBuilder.AddColumn<string>(
                name: "AssigneeUserId",
                table: "Applications",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectionDueAtUtc",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAtUtc",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GrantedYen",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
            migrationBuilder.Sql("DROP TRIGGER TR_AuditEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER TR_AuditEvents_NoDelete;");

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
