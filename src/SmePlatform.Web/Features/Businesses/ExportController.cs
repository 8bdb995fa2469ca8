using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>
/// Everything the platform holds about a business, for its Owner (APPI: the owner can take what is theirs): the
/// whole as one JSON file, or each table as CSV. Ids of people stay ids; names of members are the Owner's to see.
/// </summary>
[Authorize]
[BusinessScoped(ownerOnly: true)]
[Route("businesses/{businessId:int}/export")]
public sealed class ExportController(SmeDbContext db) : Controller
{
    public static readonly IReadOnlyList<string> Tables =
        ["business", "purposes", "financials", "shareholders", "officers", "self-check-answers", "members", "invitations", "changes", "consents", "reads"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("")]
    public IActionResult Index(int businessId) => View("Export", businessId);

    [HttpGet("json")]
    [FileDownload]
    public async Task<IActionResult> AllAsJson(int businessId)
    {
        var tables = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            tables[table] = await RowsAsync(businessId, table);
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(tables, JsonOptions), "application/json; charset=utf-8", $"business-{businessId}.json");
    }

    [HttpGet("csv/{table}")]
    [FileDownload]
    public async Task<IActionResult> TableAsCsv(int businessId, string table)
    {
        if (!Tables.Contains(table))
        {
            return NotFound();
        }

        var rows = await RowsAsync(businessId, table);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(rows);
        }

        // UTF-8 with a byte-order mark, so that spreadsheet programs in Japan read the Japanese correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"business-{businessId}-{table}.csv");
    }

    private async Task<IReadOnlyList<object>> RowsAsync(int businessId, string table) => table switch
    {
        "business" => await db.Businesses.AsNoTracking().Where(b => b.Id == businessId)
            .Select(b => new
            {
                b.Id,
                LegalForm = b.LegalForm.ToString(),
                b.CorporateNumber,
                b.Name,
                b.NameKana,
                Verification = b.Verification.ToString(),
                b.VerifiedAtUtc,
                b.PostalCode,
                b.PrefectureCode,
                b.City,
                b.Street,
                b.RepresentativeName,
                b.RepresentativeTitle,
                b.Phone,
                b.Email,
                b.CapitalYen,
                b.FoundedOn,
                b.FiscalYearEndMonth,
                b.Website,
                b.IndustryMajor,
                b.IndustryMiddle,
                b.IndustryMinor,
                b.RegularEmployees,
                b.CreatedAtUtc,
                b.UpdatedAtUtc,
            })
            .Cast<object>().ToListAsync(),
        "purposes" => (await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).SelectMany(b => b.Purposes).ToListAsync())
            .Select(p => (object)new { Purpose = p.Purpose.ToString() }).ToList(),
        "financials" => await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId == businessId).OrderBy(y => y.ClosingDate)
            .Select(y => new
            {
                y.ClosingDate,
                y.Sales,
                y.CostOfSales,
                y.OperatingProfit,
                y.OrdinaryProfit,
                y.Depreciation,
                y.CashAndDeposits,
                y.Receivables,
                y.Inventory,
                y.Payables,
                y.ShortTermBorrowings,
                y.LongTermBorrowings,
                y.NetAssets,
                y.TotalAssets,
                y.Employees,
                y.TaxableIncome,
            })
            .Cast<object>().ToListAsync(),
        "shareholders" => await db.Shareholders.AsNoTracking().Where(h => h.BusinessId == businessId).OrderBy(h => h.Id)
            .Select(h => new { h.HolderName, SharePercent = h.ShareBasisPoints / 100.0, h.IsLargeEnterprise, h.IsDeemedLarge })
            .Cast<object>().ToListAsync(),
        "officers" => await db.Officers.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Id)
            .Select(o => new { o.Name, o.AtLargeEnterprise, o.AtDeemedLargeFirm })
            .Cast<object>().ToListAsync(),
        "self-check-answers" => await db.SelfCheckAnswers.AsNoTracking().Where(a => a.BusinessId == businessId).OrderBy(a => a.Id)
            .Select(a => new { a.Question, a.Answer, a.UpdatedAtUtc })
            .Cast<object>().ToListAsync(),
        "invitations" => await db.BusinessInvitations.AsNoTracking().Where(i => i.BusinessId == businessId).OrderBy(i => i.Id)
            .Select(i => new { i.Email, i.CanSubmit, i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc, i.RevokedAtUtc })
            .Cast<object>().ToListAsync(),
        "members" => await (
            from m in db.BusinessMembers
            where m.BusinessId == businessId
            join u in db.Users on m.UserId equals u.Id
            orderby m.Id
            select new { m.UserId, u.DisplayName, u.Email, Role = m.Role.ToString(), m.CanSubmit, m.JoinedAtUtc })
            .AsNoTracking().Cast<object>().ToListAsync(),
        "changes" => await db.ProfileChanges.AsNoTracking().Where(c => c.BusinessId == businessId).OrderBy(c => c.Id)
            .Select(c => new { c.ChangedAtUtc, c.Field, c.OldValue, c.NewValue, Source = c.Source.ToString(), c.ChangedByUserId })
            .Cast<object>().ToListAsync(),
        "consents" => await db.ConsentGrants.AsNoTracking().Where(g => g.BusinessId == businessId).OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.PartnerId, Group = g.Group.ToString(), g.Purpose, g.GrantedAtUtc, g.ExpiresAtUtc, g.RevokedAtUtc })
            .Cast<object>().ToListAsync(),
        _ => await db.ConsentReads.AsNoTracking().Where(r => r.BusinessId == businessId).OrderBy(r => r.Id)
            .Select(r => new { r.ReadAtUtc, r.PartnerId, Group = r.Group.ToString(), r.Allowed, r.GrantId })
            .Cast<object>().ToListAsync(),
    };
}
