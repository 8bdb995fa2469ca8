using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>A column of an exported table: its key (the JSON name, the CSV's second header row) and the resource key of its label.</summary>
public sealed record ExportColumn(string Key, string Label);

/// <summary>
/// A value with the words people read for it: the JSON keeps the value (a code, as stored: <c>GrantDecided</c>,
/// <c>0300000000</c>, <c>15</c>), the CSV writes the text (交付決定, 03-0000-0000, 1.5%以上).
/// </summary>
public sealed record Labelled(object? Value, string Text);

/// <summary>
/// One table of the export: its columns and its rows, a value per column. Instants are Japan time with their offset
/// (<see cref="DateTimeOffset"/>, whole seconds), calendar dates <see cref="DateOnly"/>; a code with its label is
/// <see cref="Labelled"/>: the JSON (<see cref="Records"/>) keeps the code, the CSV (<see cref="Text"/>) the label.
/// </summary>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>A row as JSON writes it, for programs: the columns' keys in order, codes as stored.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Records =>
        [.. Rows.Select(row => Columns.Select((column, i) => (column.Key, Value: row[i] is Labelled labelled ? labelled.Value : row[i])).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal))];

    /// <summary>
    /// A value as the CSV writes it, for people: a code by its label; ISO 8601 instants and dates (2026-12-08T01:56:32+09:00,
    /// 2027-12-08), which spreadsheets read as dates; numbers without separators, which they read as numbers.
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        Labelled labelled => labelled.Text,
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A table of <paramref name="rows"/> with these columns, each value read by its function; UTC instants become Japan time.</summary>
    public static ExportTable Of<T>(IEnumerable<T> rows, params (string Key, string Label, Func<T, object?> Value)[] columns) =>
        Of(rows, _ => null, columns);

    /// <summary>
    /// A table as <see cref="Of{T}(IEnumerable{T}, ValueTuple{string, string, Func{T, object}}[])"/> makes it, each value
    /// first given its label by <paramref name="label"/> where it has one (an enum's, a yes or no): null leaves it as it is.
    /// </summary>
    public static ExportTable Of<T>(IEnumerable<T> rows, Func<object, Labelled?> label, params (string Key, string Label, Func<T, object?> Value)[] columns) =>
        new([.. columns.Select(c => new ExportColumn(c.Key, c.Label))], [.. rows.Select(row => columns.Select(c => Value(c.Value(row), label)).ToArray())]);

    private static object? Value(object? value, Func<object, Labelled?> label) => value switch
    {
        null => null,
        Labelled labelled => labelled with { Value = Value(labelled.Value, _ => null) },
        _ when label(value) is { } labelled => labelled with { Value = Value(labelled.Value, _ => null) },
        DateTime instant => JapanTime.Offset(instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond))),
        Enum code => code.ToString(),
        _ => value,
    };
}

/// <summary>
/// Everything the platform holds about a business, table by table, for its Owner's export (APPI: the owner can take
/// what is theirs): the profile and its history, members, consents, and the applications with their answers and
/// expense lines. Ids of people stay ids; names of members are the Owner's to see. Each code carries its label in the
/// reader's language (<see cref="Labelled"/>) — a choice by its label, a status or category by its name, yes or no,
/// the phone number and postal code as written — and a column that is explicitly a code (都道府県コード, 業種のコード)
/// has the name beside it: the CSV is for people, the JSON for programs (ADR 0009).
/// </summary>
public sealed class BusinessExport(SmeDbContext db, IStringLocalizer<SharedResource> t, ReferenceCatalog reference)
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "business", "purposes", "financials", "shareholders", "officers", "self-check-answers", "members", "invitations", "changes", "consents", "reads",
        "applications", "application-answers", "application-expenses",
    ];

    private const string F = "ExportField.";

    public async Task<ExportTable> TableAsync(int businessId, string table) => table switch
    {
        "business" => Of(
            await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).ToListAsync(),
            ("Id", F + "BusinessId", b => b.Id),
            ("LegalForm", "BusinessField.LegalForm", b => b.LegalForm),
            ("CorporateNumber", "BusinessField.CorporateNumber", b => b.CorporateNumber),
            ("Name", "BusinessField.Name", b => b.Name),
            ("NameKana", "BusinessField.NameKana", b => b.NameKana),
            ("Verification", "BusinessField.Verification", b => b.Verification),
            ("VerifiedAt", F + "VerifiedAt", b => b.VerifiedAtUtc),
            ("PostalCode", "BusinessField.PostalCode", b => Profile(nameof(Business.PostalCode), b.PostalCode)),
            ("PrefectureCode", F + "PrefectureCode", b => b.PrefectureCode),
            ("Prefecture", "BusinessField.PrefectureCode", b => b.PrefectureCode is { } code ? reference.Prefecture(code)?.Name : null),
            ("City", "BusinessField.City", b => b.City),
            ("Street", "BusinessField.Street", b => b.Street),
            ("RepresentativeName", "BusinessField.RepresentativeName", b => b.RepresentativeName),
            ("RepresentativeTitle", "BusinessField.RepresentativeTitle", b => b.RepresentativeTitle),
            ("Phone", "BusinessField.Phone", b => Profile(nameof(Business.Phone), b.Phone)),
            ("Email", "BusinessField.Email", b => b.Email),
            ("CapitalYen", "BusinessField.CapitalYen", b => b.CapitalYen),
            ("FoundedOn", "BusinessField.FoundedOn", b => b.FoundedOn),
            ("FiscalYearEndMonth", "BusinessField.FiscalYearEndMonth", b => Profile(nameof(Business.FiscalYearEndMonth), b.FiscalYearEndMonth?.ToString(CultureInfo.InvariantCulture))),
            ("Website", "BusinessField.Website", b => b.Website),
            ("IndustryMajor", F + "IndustryMajor", b => b.IndustryMajor),
            ("IndustryMajorName", "BusinessField.IndustryMajor", b => IndustryName(b.IndustryMajor)),
            ("IndustryMiddle", F + "IndustryMiddle", b => b.IndustryMiddle),
            ("IndustryMiddleName", "BusinessField.IndustryMiddle", b => IndustryName(b.IndustryMiddle)),
            ("IndustryMinor", F + "IndustryMinor", b => b.IndustryMinor),
            ("IndustryMinorName", "BusinessField.IndustryMinor", b => IndustryName(b.IndustryMinor)),
            ("RegularEmployees", "BusinessField.RegularEmployees", b => b.RegularEmployees),
            ("CreatedAt", F + "CreatedAt", b => b.CreatedAtUtc),
            ("UpdatedAt", F + "UpdatedAt", b => b.UpdatedAtUtc)),
        "purposes" => Of(
            await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).SelectMany(b => b.Purposes).ToListAsync(),
            ("Purpose", F + "Purpose", p => p.Purpose)),
        "financials" => Of(
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
        "shareholders" => Of(
            await db.Shareholders.AsNoTracking().Where(h => h.BusinessId == businessId).OrderBy(h => h.Id).ToListAsync(),
            ("HolderName", F + "HolderName", h => h.HolderName),
            ("SharePercent", F + "SharePercent", h => h.ShareBasisPoints / 100m),
            ("IsLargeEnterprise", F + "IsLargeEnterprise", h => h.IsLargeEnterprise),
            ("IsDeemedLarge", F + "IsDeemedLarge", h => h.IsDeemedLarge)),
        "officers" => Of(
            await db.Officers.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Id).ToListAsync(),
            ("Name", F + "OfficerName", o => o.Name),
            ("AtLargeEnterprise", F + "AtLargeEnterprise", o => o.AtLargeEnterprise),
            ("AtDeemedLargeFirm", F + "AtDeemedLargeFirm", o => o.AtDeemedLargeFirm)),
        "self-check-answers" => Of(
            await db.SelfCheckAnswers.AsNoTracking().Where(a => a.BusinessId == businessId).OrderBy(a => a.Id).ToListAsync(),
            ("Question", F + "Question", a => new Labelled(a.Question, Label($"SelfCheck.Q.{a.Question}", a.Question))),
            ("Answer", F + "Answer", a => a.Answer),
            ("UpdatedAt", F + "UpdatedAt", a => a.UpdatedAtUtc)),
        "members" => Of(
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
        "invitations" => Of(
            await db.BusinessInvitations.AsNoTracking().Where(i => i.BusinessId == businessId).OrderBy(i => i.Id).ToListAsync(),
            ("Email", F + "Email", i => i.Email),
            ("CanSubmit", F + "CanSubmit", i => i.CanSubmit),
            ("CreatedAt", F + "CreatedAt", i => i.CreatedAtUtc),
            ("ExpiresAt", F + "ExpiresAt", i => i.ExpiresAtUtc),
            ("AcceptedAt", F + "AcceptedAt", i => i.AcceptedAtUtc),
            ("RevokedAt", F + "RevokedAt", i => i.RevokedAtUtc)),
        "changes" => Of(
            await db.ProfileChanges.AsNoTracking().Where(c => c.BusinessId == businessId).OrderBy(c => c.Id).ToListAsync(),
            ("ChangedAt", F + "ChangedAt", c => c.ChangedAtUtc),
            ("Field", F + "Field", c => new Labelled(c.Field, ProfileHistory.FieldName(c.Field, t))),
            ("OldValue", F + "OldValue", c => c.OldValue is null ? null : new Labelled(c.OldValue, ProfileHistory.ValueText(c.Field, c.OldValue, t, reference))),
            ("NewValue", F + "NewValue", c => c.NewValue is null ? null : new Labelled(c.NewValue, ProfileHistory.ValueText(c.Field, c.NewValue, t, reference))),
            ("Source", F + "Source", c => c.Source),
            ("ChangedByUserId", F + "ChangedByUserId", c => c.ChangedByUserId)),
        "consents" => Of(
            await (from g in db.ConsentGrants
                   where g.BusinessId == businessId
                   join p in db.Partners on g.PartnerId equals p.Id into partners
                   from p in partners.DefaultIfEmpty()
                   orderby g.Id
                   select new { Grant = g, NameJa = p == null ? null : p.NameJa, NameEn = p == null ? null : p.NameEn }).AsNoTracking().ToListAsync(),
            ("Id", F + "GrantId", g => g.Grant.Id),
            ("PartnerId", F + "PartnerId", g => g.Grant.PartnerId),
            ("Partner", "Consent.Partner", g => g.NameJa is null ? null : Display.Text(g.NameJa, g.NameEn!)),
            ("Group", F + "Group", g => g.Grant.Group),
            ("Purpose", F + "ConsentPurpose", g => g.Grant.Purpose),
            ("GrantedAt", F + "GrantedAt", g => g.Grant.GrantedAtUtc),
            ("Until", F + "Until", g => JapanTime.LastDayBefore(g.Grant.ExpiresAtUtc)),
            ("ExpiresAt", F + "ExpiresAt", g => g.Grant.ExpiresAtUtc),
            ("RevokedAt", F + "RevokedAt", g => g.Grant.RevokedAtUtc)),
        "reads" => Of(
            await (from r in db.ConsentReads
                   where r.BusinessId == businessId
                   join p in db.Partners on r.PartnerId equals p.Id into partners
                   from p in partners.DefaultIfEmpty()
                   orderby r.Id
                   select new { Read = r, NameJa = p == null ? null : p.NameJa, NameEn = p == null ? null : p.NameEn }).AsNoTracking().ToListAsync(),
            ("ReadAt", F + "ReadAt", r => r.Read.ReadAtUtc),
            ("PartnerId", F + "PartnerId", r => r.Read.PartnerId),
            ("Partner", "Consent.Partner", r => r.NameJa is null ? null : Display.Text(r.NameJa, r.NameEn!)),
            ("Group", F + "Group", r => r.Read.Group),
            ("Allowed", F + "Allowed", r => r.Read.Allowed),
            ("GrantId", F + "GrantId", r => r.Read.GrantId)),
        "applications" => Of(
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
        "application-expenses" => Of(
            await (from e in db.ExpenseLines
                   join a in db.Applications on e.ApplicationId equals a.Id
                   where a.BusinessId == businessId
                   orderby a.Id, e.Position
                   select new { Line = e, a.Number }).AsNoTracking().ToListAsync(),
            ("ApplicationId", F + "ApplicationId", e => e.Line.ApplicationId),
            ("Number", F + "ApplicationNumber", e => e.Number),
            ("Position", F + "Position", e => e.Line.Position),
            ("Category", F + "Category", e => new Labelled(e.Line.Category, Label("ExpenseCategory." + e.Line.Category, e.Line.Category))),
            ("Description", F + "Description", e => e.Line.Description),
            ("Vendor", F + "Vendor", e => e.Line.Vendor),
            ("InvoiceRegistrationNumber", F + "InvoiceRegistrationNumber", e => e.Line.InvoiceRegistrationNumber),
            ("QuoteNumber", F + "QuoteNumber", e => e.Line.QuoteNumber),
            ("AmountYen", F + "AmountYen", e => e.Line.AmountYen)),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table of the export."),
    };

    /// <summary>
    /// Each answer of each application, with the question as its form (the version the application started with) words it
    /// and the answer as the applicant chose or typed it (<see cref="AnswerSheet.Text"/>: a choice by its label).
    /// </summary>
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
        object Answer(int formId, string key, string value) =>
            forms[formId].Field(key) is { } field ? new Labelled(value, AnswerSheet.Text(field, value, t)) : value;
        return Of(
            answers.OrderBy(a => a.ApplicationId).ThenBy(a => forms[a.FormId].Fields.ToList().FindIndex(f => f.Key == a.FieldKey)),
            ("ApplicationId", F + "ApplicationId", a => a.ApplicationId),
            ("Number", F + "ApplicationNumber", a => a.Number),
            ("FieldKey", F + "FieldKey", a => a.FieldKey),
            ("Question", F + "Question", a => Question(a.FormId, a.FieldKey)),
            ("Answer", F + "Answer", a => Answer(a.FormId, a.FieldKey, a.Value)));
    }

    /// <summary>A table whose enums and yes-or-no values carry their labels.</summary>
    private ExportTable Of<T>(IEnumerable<T> rows, params (string Key, string Label, Func<T, object?> Value)[] columns) =>
        ExportTable.Of(rows, LabelOf, columns);

    /// <summary>
    /// An enum by its label, as the pages show it (<c>ApplicationStatus.GrantDecided</c> → 交付決定; the business's
    /// <see cref="VerificationState"/> under <c>Verification.</c>); a yes or no in words.
    /// </summary>
    private Labelled? LabelOf(object value) => value switch
    {
        bool yes => new Labelled(yes, t[yes ? "Export.Yes" : "Export.No"].Value),
        VerificationState state => new Labelled(state, Label("Verification." + state, state.ToString())),
        Enum code => new Labelled(code, Label($"{code.GetType().Name}.{code}", code.ToString())),
        _ => null,
    };

    /// <summary>A profile field's value as the profile page shows it (<see cref="ProfileValue"/>), beside the value as stored.</summary>
    private Labelled? Profile(string field, string? value) => value is null ? null : new Labelled(value, ProfileValue.Show(field, value, t, reference));

    private string? IndustryName(string? code) => code is null ? null : reference.Industry(code)?.Name;

    /// <summary>The words of a resource, or <paramref name="otherwise"/> where there are none (a code since retired).</summary>
    private string Label(string key, string otherwise) => t[key] is { ResourceNotFound: false } found ? found.Value : otherwise;
}
