using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalysisData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Activities_Designs",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Activities_ExportCountries",
                table: "Businesses",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_ExportSharePercent",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_OverseasSubsidiaries",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_Patents",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Activities_ResearchSpendingYen",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_ResearchStaff",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_Trademarks",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_UtilityModels",
                table: "Businesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FinancialYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sales = table.Column<long>(type: "INTEGER", nullable: true),
                    CostOfSales = table.Column<long>(type: "INTEGER", nullable: true),
                    OperatingProfit = table.Column<long>(type: "INTEGER", nullable: true),
                    OrdinaryProfit = table.Column<long>(type: "INTEGER", nullable: true),
                    Depreciation = table.Column<long>(type: "INTEGER", nullable: true),
                    CashAndDeposits = table.Column<long>(type: "INTEGER", nullable: true),
                    Receivables = table.Column<long>(type: "INTEGER", nullable: true),
                    Inventory = table.Column<long>(type: "INTEGER", nullable: true),
                    Payables = table.Column<long>(type: "INTEGER", nullable: true),
                    ShortTermBorrowings = table.Column<long>(type: "INTEGER", nullable: true),
                    LongTermBorrowings = table.Column<long>(type: "INTEGER", nullable: true),
                    NetAssets = table.Column<long>(type: "INTEGER", nullable: true),
                    TotalAssets = table.Column<long>(type: "INTEGER", nullable: true),
                    Employees = table.Column<int>(type: "INTEGER", nullable: true),
                    TaxableIncome = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinancialYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinancialYears_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Officers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AtLargeEnterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtDeemedLargeFirm = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Officers_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Shareholders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShareBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLargeEnterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeemedLarge = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shareholders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shareholders_Businesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "Businesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "UX_FinancialYears_Business_Closing",
                table: "FinancialYears",
                columns: new[] { "BusinessId", "ClosingDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Officers_BusinessId",
                table: "Officers",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Shareholders_BusinessId",
                table: "Shareholders",
                column: "BusinessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FinancialYears");

            migrationBuilder.DropTable(
                name: "Officers");

            migrationBuilder.DropTable(
                name: "Shareholders");

            migrationBuilder.DropColumn(
                name: "Activities_Designs",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_ExportCountries",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_ExportSharePercent",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_OverseasSubsidiaries",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_Patents",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_ResearchSpendingYen",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_ResearchStaff",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_Trademarks",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Activities_UtilityModels",
                table: "Businesses");
        }
    }
}
