using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PushNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Notices_OutboxMessage",
                table: "Notices");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "Notices",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NoticePreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    EmailDigest = table.Column<bool>(type: "bit", nullable: false),
                    MutedPurposes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    MutedMeasures = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DigestedUpToUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticePreferences", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_NoticePreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Notices_OutboxMessage",
                table: "Notices",
                column: "OutboxMessageId",
                unique: true,
                filter: "\"Topic\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Notices_Topic_User",
                table: "Notices",
                columns: new[] { "Topic", "UserId" },
                unique: true,
                filter: "\"Topic\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NoticePreferences_Digest",
                table: "NoticePreferences",
                column: "EmailDigest",
                filter: "\"EmailDigest\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoticePreferences");

            migrationBuilder.DropIndex(
                name: "UX_Notices_OutboxMessage",
                table: "Notices");

            migrationBuilder.DropIndex(
                name: "UX_Notices_Topic_User",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Notices");

            migrationBuilder.CreateIndex(
                name: "UX_Notices_OutboxMessage",
                table: "Notices",
                column: "OutboxMessageId",
                unique: true);
        }
    }
}
