using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmePlatform.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Activities_ExportCountries",
                table: "Businesses",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_ExportSharePercent",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_OverseasSubsidiaries",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_Patents",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Activities_ResearchSpendingYen",
                table: "Businesses",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_ResearchStaff",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_Trademarks",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Activities_UtilityModels",
                table: "Businesses",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FinancialYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessId = table.Column<int>(type: "int", nullable: false),
                    ClosingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sales = table.Column<long>(type: "bigint", nullable: true),
                    CostOfSales = table.Column<long>(type: "bigint", nullable: true),
                    OperatingProfit = table.Column<long>(type: "bigint", nullable: true),
                    OrdinaryProfit = table.Column<long>(type: "bigint", nullable: true),
                    Depreciation = table.Column<long>(type: "bigint", nullable: true),
                    CashAndDeposits = table.Column<long>(type: "bigint", nullable: true),
                    Receivables = table.Column<long>(type: "bigint", nullable: true),
                    Inventory = table.Column<long>(type: "bigint", nullable: true),
                    Payables = table.Column<long>(type: "bigint", nullable: true),
                    ShortTermBorrowings = table.Column<long>(type: "bigint", nullable: true),
                    LongTermBorrowings = table.Column<long>(type: "bigint", nullable: true),
                    NetAssets = table.Column<long>(type: "bigint", nullable: true),
                    TotalAssets = table.Column<long>(type: "bigint", nullable: true),
                    Employees = table.Column<int>(type: "int", nullable: true),
                    TaxableIncome = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AtLargeEnterprise = table.Column<bool>(type: "bit", nullable: false),
                    AtDeemedLargeFirm = table.Column<bool>(type: "bit", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessId = table.Column<int>(type: "int", nullable: false),
                    HolderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ShareBasisPoints = table.Column<int>(type: "int", nullable: false),
                    IsLargeEnterprise = table.Column<bool>(type: "bit", nullable: false),
                    IsDeemedLarge = table.Column<bool>(type: "bit", nullable: false)
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
