using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>A column of an exported table: its key (the JSON name, the CSV's second header row) and the resource key of its label.</summary>
public sealed record ExportColumn(string Key, string Label);

/// <summary>
/// One table of the export: its columns and its rows, a value per column. Instants are Japan time with their offset
/// (<see cref="DateTimeOffset"/>, whole seconds), calendar dates <see cref="DateOnly"/>, codes as stored.
/// </summary>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>A row as JSON writes it: the columns' keys in order.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Records =>
        [.. Rows.Select(row => Columns.Select((column, i) => (column.Key, row[i])).ToDictionary(c => c.Key, c => c.Item2, StringComparer.Ordinal))];

    /// <summary>A value as the CSV writes it: ISO 8601 (2026-12-08T01:56:32+09:00, 2027-12-08), numbers without separators, true/false.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A table of <paramref name="rows"/> with these columns, each value read by its function; UTC instants become Japan time.</summary>
    public static ExportTable Of<T>(IEnumerable<T> rows, params (string Key, string Label, Func<T, object?> Value)[] columns) =>
        new([.. columns.Select(c => new ExportColumn(c.Key, c.Label))], [.. rows.Select(row => columns.Select(c => Value(c.Value(row))).ToArray())]);

    private static object? Value(object? value) => value switch
    {
        DateTime instant => JapanTime.Offset(instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond))),
        Enum code => code.ToString(),
        _ => value,
    };
}

/// <summary>
/// Everything the platform holds about a business, table by table, for its Owner's export (APPI: the owner can take
/// what is theirs): the profile and its history, members, consents, and the applications with their answers and
/// expense lines. Ids of people stay ids; names of members are the Owner's to see.
/// </summary>
public sealed class BusinessExport(SmeDbContext db)
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "business", "purposes", "financials", "shareholders", "officers", "self-check-answers", "members", "invitations", "changes", "consents", "reads",
        "applications", "application-answers", "application-expenses",
    ];

    private const string F = "ExportField.";

    public async Task<ExportTable> TableAsync(int businessId, string table) => table switch
    {
        "business" => ExportTable.Of(
            await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).ToListAsync(),
            ("Id", F + "BusinessId", b => b.Id),
            ("LegalForm", "BusinessField.LegalForm", b => b.LegalForm),
            ("CorporateNumber", "BusinessField.CorporateNumber", b => b.CorporateNumber),
            ("Name", "BusinessField.Name", b => b.Name),
            ("NameKana", "BusinessField.NameKana", b => b.NameKana),
            ("Verification", "BusinessField.Verification", b => b.Verification),
            ("VerifiedAt", F + "VerifiedAt", b => b.VerifiedAtUtc),
            ("PostalCode", "BusinessField.PostalCode", b => b.PostalCode),
            ("PrefectureCode", F + "PrefectureCode", b => b.PrefectureCode),
            ("City", "BusinessField.City", b => b.City),
            ("Street", "BusinessField.Street", b => b.Street),
            ("RepresentativeName", "BusinessField.RepresentativeName", b => b.RepresentativeName),
            ("RepresentativeTitle", "BusinessField.RepresentativeTitle", b => b.RepresentativeTitle),
            ("Phone", "BusinessField.Phone", b => b.Phone),
            ("Email", "BusinessField.Email", b => b.Email),
            ("CapitalYen", "BusinessField.CapitalYen", b => b.CapitalYen),
            ("FoundedOn", "BusinessField.FoundedOn", b => b.FoundedOn),
            ("FiscalYearEndMonth", "BusinessField.FiscalYearEndMonth", b => b.FiscalYearEndMonth),
            ("Website", "BusinessField.Website", b => b.Website),
            ("IndustryMajor", F + "IndustryMajor", b => b.IndustryMajor),
            ("IndustryMiddle", F + "IndustryMiddle", b => b.IndustryMiddle),
            ("IndustryMinor", F + "IndustryMinor", b => b.IndustryMinor),
            ("RegularEmployees", "BusinessField.RegularEmployees", b => b.RegularEmployees),
            ("CreatedAt", F + "CreatedAt", b => b.CreatedAtUtc),
            ("UpdatedAt", F + "UpdatedAt", b => b.UpdatedAtUtc)),
        "purposes" => ExportTable.Of(
            await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).SelectMany(b => b.Purposes).ToListAsync(),
            ("Purpose", F + "Purpose", p => p.Purpose)),
        "financials" => ExportTable.Of(
            await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId == businessId).OrderBy(y => y.ClosingDate).ToListAsync(),
            ("ClosingDate", "FinancialField.ClosingDate", y => y.ClosingDate),
            ("Sales", "FinancialField.Sales", y => y.Sales),
            ("CostOfSales", "FinancialField.CostOfSales", y => y.CostOfSales),
            ("OperatingProfit", "FinancialField.OperatingProfit", y => y.OperatingProfit),
            ("OrdinaryProfit", "FinancialField.OrdinaryProfit", y => y.OrdinaryProfit),
            ("Depreciation", "FinancialField.Depreciation", y => y.Depreciation),
            ("CashAndDeposits", "FinancialField.CashAndDeposits", y => y.CashAndDeposits),
            ("Receivables", "FinancialField.Receivables", y => y.Receivables),
            ("Inventory", "FinancialField.Inventory", y => y.Inventory),
            ("Payables", "FinancialField.Payables", y => y.Payables),
            ("ShortTermBorrowings", "FinancialField.ShortTermBorrowings", y => y.ShortTermBorrowings),
            ("LongTermBorrowings", "FinancialField.LongTermBorrowings", y => y.LongTermBorrowings),
            ("NetAssets", "FinancialField.NetAssets", y => y.NetAssets),
            ("TotalAssets", "FinancialField.TotalAssets", y => y.TotalAssets),
            ("Employees", "FinancialField.Employees", y => y.Employees),
            ("TaxableIncome", "FinancialField.TaxableIncome", y => y.TaxableIncome)),
        "shareholders" => ExportTable.Of(
            await db.Shareholders.AsNoTracking().Where(h => h.BusinessId == businessId).OrderBy(h => h.Id).ToListAsync(),
            ("HolderName", F + "HolderName", h => h.HolderName),
            ("SharePercent", F + "SharePercent", h => h.ShareBasisPoints / 100m),
            ("IsLargeEnterprise", F + "IsLargeEnterprise", h => h.IsLargeEnterprise),
            ("IsDeemedLarge", F + "IsDeemedLarge", h => h.IsDeemedLarge)),
        "officers" => ExportTable.Of(
            await db.Officers.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Id).ToListAsync(),
            ("Name", F + "OfficerName", o => o.Name),
            ("AtLargeEnterprise", F + "AtLargeEnterprise", o => o.AtLargeEnterprise),
            ("AtDeemedLargeFirm", F + "AtDeemedLargeFirm", o => o.AtDeemedLargeFirm)),
        "self-check-answers" => ExportTable.Of(
            await db.SelfCheckAnswers.AsNoTracking().Where(a => a.BusinessId == businessId).OrderBy(a => a.Id).ToListAsync(),
            ("Question", F + "Question", a => a.Question),
            ("Answer", F + "Answer", a => a.Answer),
            ("UpdatedAt", F + "UpdatedAt", a => a.UpdatedAtUtc)),
        "members" => ExportTable.Of(
            await (from m in db.BusinessMembers
                   where m.BusinessId == businessId
                   join u in db.Users on m.UserId equals u.Id
                   orderby m.Id
                   select new { m.UserId, u.DisplayName, u.Email, m.Role, m.CanSubmit, m.JoinedAtUtc }).AsNoTracking().ToListAsync(),
            ("UserId", F + "UserId", m => m.UserId),
            ("DisplayName", F + "DisplayName", m => m.DisplayName),
            ("Email", F + "Email", m => m.Email),
            ("Role", F + "Role", m => m.Role),
            ("CanSubmit", F + "CanSubmit", m => m.CanSubmit),
            ("JoinedAt", F + "JoinedAt", m => m.JoinedAtUtc)),
        "invitations" => ExportTable.Of(
            await db.BusinessInvitations.AsNoTracking().Where(i => i.BusinessId == businessId).OrderBy(i => i.Id).ToListAsync(),
            ("Email", F + "Email", i => i.Email),
            ("CanSubmit", F + "CanSubmit", i => i.CanSubmit),
            ("CreatedAt", F + "CreatedAt", i => i.CreatedAtUtc),
            ("ExpiresAt", F + "ExpiresAt", i => i.ExpiresAtUtc),
            ("AcceptedAt", F + "AcceptedAt", i => i.AcceptedAtUtc),
            ("RevokedAt", F + "RevokedAt", i => i.RevokedAtUtc)),
        "changes" => ExportTable.Of(
            await db.ProfileChanges.AsNoTracking().Where(c => c.BusinessId == businessId).OrderBy(c => c.Id).ToListAsync(),
            ("ChangedAt", F + "ChangedAt", c => c.ChangedAtUtc),
            ("Field", F + "Field", c => c.Field),
            ("OldValue", F + "OldValue", c => c.OldValue),
            ("NewValue", F + "NewValue", c => c.NewValue),
            ("Source", F + "Source", c => c.Source),
            ("ChangedByUserId", F + "ChangedByUserId", c => c.ChangedByUserId)),
        "consents" => ExportTable.Of(
            await db.ConsentGrants.AsNoTracking().Where(g => g.BusinessId == businessId).OrderBy(g => g.Id).ToListAsync(),
            ("Id", F + "GrantId", g => g.Id),
            ("PartnerId", F + "PartnerId", g => g.PartnerId),
            ("Group", F + "Group", g => g.Group),
            ("Purpose", F + "ConsentPurpose", g => g.Purpose),
            ("GrantedAt", F + "GrantedAt", g => g.GrantedAtUtc),
            ("Until", F + "Until", g => JapanTime.LastDayBefore(g.ExpiresAtUtc)),
            ("ExpiresAt", F + "ExpiresAt", g => g.ExpiresAtUtc),
            ("RevokedAt", F + "RevokedAt", g => g.RevokedAtUtc)),
        "reads" => ExportTable.Of(
            await db.ConsentReads.AsNoTracking().Where(r => r.BusinessId == businessId).OrderBy(r => r.Id).ToListAsync(),
            ("ReadAt", F + "ReadAt", r => r.ReadAtUtc),
            ("PartnerId", F + "PartnerId", r => r.PartnerId),
            ("Group", F + "Group", r => r.Group),
            ("Allowed", F + "Allowed", r => r.Allowed),
            ("GrantId", F + "GrantId", r => r.GrantId)),
        "applications" => ExportTable.Of(
            await (from a in db.Applications
                   where a.BusinessId == businessId
                   join m in db.SupportMeasures on a.MeasureId equals m.Id
                   orderby a.Id
                   select new { Application = a, m.Slug, m.TitleJa, m.TitleEn }).AsNoTracking().ToListAsync(),
            ("Id", F + "ApplicationId", a => a.Application.Id),
            ("Number", F + "ApplicationNumber", a => a.Application.Number),
            ("Measure", F + "Measure", a => a.Slug),
            ("MeasureTitle", F + "MeasureTitle", a => Display.Text(a.TitleJa, a.TitleEn)),
            ("Status", F + "Status", a => a.Application.Status),
            ("Rounds", F + "Rounds", a => a.Application.Rounds),
            ("ProjectStart", "Apply.ProjectStart", a => a.Application.ProjectStart),
            ("ProjectEnd", "Apply.ProjectEnd", a => a.Application.ProjectEnd),
            ("RequestedYen", F + "RequestedYen", a => a.Application.RequestedYen),
            ("CreatedAt", F + "CreatedAt", a => a.Application.CreatedAtUtc),
            ("SubmittedAt", F + "SubmittedAt", a => a.Application.SubmittedAtUtc),
            ("StatusChangedAt", F + "StatusChangedAt", a => a.Application.StatusChangedAtUtc),
            ("CorrectionDueAt", F + "CorrectionDueAt", a => a.Application.CorrectionDueAtUtc),
            ("DecidedAt", F + "DecidedAt", a => a.Application.DecidedAtUtc),
            ("GrantedYen", F + "GrantedYen", a => a.Application.GrantedYen),
            ("ReportSubmittedAt", F + "ReportSubmittedAt", a => a.Application.ReportSubmittedAtUtc),
            ("PayableYen", F + "PayableYen", a => a.Application.PayableYen),
            ("PaidOn", F + "PaidOn", a => a.Application.PaidOn)),
        "application-answers" => await AnswersAsync(businessId),
        "application-expenses" => ExportTable.Of(
            await (from e in db.ExpenseLines
                   join a in db.Applications on e.ApplicationId equals a.Id
                   where a.BusinessId == businessId
                   orderby a.Id, e.Position
                   select new { Line = e, a.Number }).AsNoTracking().ToListAsync(),
            ("ApplicationId", F + "ApplicationId", e => e.Line.ApplicationId),
            ("Number", F + "ApplicationNumber", e => e.Number),
            ("Position", F + "Position", e => e.Line.Position),
            ("Category", F + "Category", e => e.Line.Category),
            ("Description", F + "Description", e => e.Line.Description),
            ("Vendor", F + "Vendor", e => e.Line.Vendor),
            ("InvoiceRegistrationNumber", F + "InvoiceRegistrationNumber", e => e.Line.InvoiceRegistrationNumber),
            ("QuoteNumber", F + "QuoteNumber", e => e.Line.QuoteNumber),
            ("AmountYen", F + "AmountYen", e => e.Line.AmountYen)),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table of the export."),
    };

    /// <summary>Each answer of each application, with the question as its form (the version the application started with) words it.</summary>
    private async Task<ExportTable> AnswersAsync(int businessId)
    {
        var answers = await (from answer in db.ApplicationAnswers
                             join a in db.Applications on answer.ApplicationId equals a.Id
                             where a.BusinessId == businessId
                             orderby a.Id
                             select new { answer.ApplicationId, a.Number, a.FormId, answer.FieldKey, answer.Value }).AsNoTracking().ToListAsync();
        var formIds = answers.Select(a => a.FormId).Distinct().ToList();
        var forms = (await db.ApplicationForms.AsNoTracking().Where(f => formIds.Contains(f.Id)).ToListAsync()).ToDictionary(f => f.Id, f => f.Read());
        string? Question(int formId, string key) => forms[formId].Field(key) is { } field ? Display.Text(field.LabelJa, field.LabelEn) : null;
        return ExportTable.Of(
            answers.OrderBy(a => a.ApplicationId).ThenBy(a => forms[a.FormId].Fields.ToList().FindIndex(f => f.Key == a.FieldKey)),
            ("ApplicationId", F + "ApplicationId", a => a.ApplicationId),
            ("Number", F + "ApplicationNumber", a => a.Number),
            ("FieldKey", F + "FieldKey", a => a.FieldKey),
            ("Question", F + "Question", a => Question(a.FormId, a.FieldKey)),
            ("Answer", F + "Answer", a => a.Value));
    }
}
