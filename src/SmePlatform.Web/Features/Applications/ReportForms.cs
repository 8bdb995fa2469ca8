using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>One actual expense line as typed.</summary>
public sealed class ReportLineForm
{
    public string? Category { get; set; }
    public string? Vendor { get; set; }
    public string? InvoiceRegistrationNumber { get; set; }
    public string? InvoiceNumber { get; set; }
    public string? InvoiceDate { get; set; }
    public string? AmountYen { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Vendor) && string.IsNullOrWhiteSpace(InvoiceNumber) && string.IsNullOrWhiteSpace(AmountYen)
        && string.IsNullOrWhiteSpace(InvoiceDate) && string.IsNullOrWhiteSpace(InvoiceRegistrationNumber);
}

/// <summary>
/// The performance report (実績報告): the actual expense lines. The first time, they start from the planned lines
/// (category, vendor, registration number and amount, once-only), so the applicant adds the invoice and corrects.
/// Amounts are filled in as people write them (3,000,000).
/// </summary>
public sealed class ReportForm
{
    public List<ReportLineForm> Lines { get; set; } = [];

    /// <summary>Blank line slots shown below the filled ones.</summary>
    public const int BlankLines = 2;

    public static ReportForm From(Application application) => new()
    {
        Lines = application.ReportLines.Count > 0
            ? [.. application.ReportLines.OrderBy(l => l.Position).Select(l => new ReportLineForm
            {
                Category = l.Category,
                Vendor = l.Vendor,
                InvoiceRegistrationNumber = l.InvoiceRegistrationNumber,
                InvoiceNumber = l.InvoiceNumber,
                InvoiceDate = l.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                AmountYen = Display.YenInField(l.AmountYen),
            })]
            : [.. application.Expenses.OrderBy(e => e.Position).Select(e => new ReportLineForm
            {
                Category = e.Category,
                Vendor = e.Vendor,
                InvoiceRegistrationNumber = e.InvoiceRegistrationNumber,
                AmountYen = Display.YenInField(e.AmountYen),
            })],
    };

    /// <summary>The filled lines as stored; call only when valid.</summary>
    public List<ReportLine> ToLines() => [.. Lines.Where(l => !l.IsBlank).Select((l, i) => new ReportLine
    {
        Position = i + 1,
        Category = l.Category!,
        Vendor = JapaneseInput.Clean(l.Vendor)!,
        InvoiceRegistrationNumber = Domain.Applications.InvoiceRegistrationNumber.Normalize(l.InvoiceRegistrationNumber),
        InvoiceNumber = JapaneseInput.Clean(l.InvoiceNumber)!,
        InvoiceDate = ExpensesForm.Date(l.InvoiceDate)!.Value,
        AmountYen = ExpensesForm.Yen(l.AmountYen) ?? 0,
    })];
}

/// <summary>Each filled line whole, the invoice dated within the project period; at least one line.</summary>
public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public ReportFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Lines).Must(lines => lines.Any(l => !l.IsBlank)).WithMessage(t["Apply.Validation.NoLines"]).OverridePropertyName("Lines[0].Category");
        RuleForEach(f => f.Lines).Where(l => !l.IsBlank).ChildRules(line =>
        {
            line.RuleFor(l => l.Category).Must(v => Enum.TryParse<ExpenseCategory>(v, out _) && !int.TryParse(v, out _)).WithMessage(t["Expense.Validation.Category"]);
            line.RuleFor(l => l.Vendor).NotEmpty().WithMessage(t["Expense.Validation.Vendor"]).MaximumLength(200).WithMessage(t["Expense.Validation.TooLong", 200]);
            line.RuleFor(l => l.InvoiceRegistrationNumber)
                .Must(v => string.IsNullOrWhiteSpace(v) || Domain.Applications.InvoiceRegistrationNumber.Normalize(v) is not null).WithMessage(t["Expense.Validation.InvoiceRegistrationNumber"]);
            line.RuleFor(l => l.InvoiceNumber).NotEmpty().WithMessage(t["Report.Validation.InvoiceNumber"]).MaximumLength(50).WithMessage(t["Expense.Validation.TooLong", 50]);
            // Empty: asked for; typed otherwise than a date: the example shows how.
            line.RuleFor(l => l.InvoiceDate).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(t["Report.Validation.InvoiceDate"])
                .Must(v => ExpensesForm.Date(v) is not null).WithMessage(t["Report.Validation.InvoiceDateFormat"]);
            line.RuleFor(l => l.AmountYen).Must(v => Domain.Yen.IsAmount(ExpensesForm.Yen(v))).WithMessage(t["Expense.Validation.AmountYen"]);
        });
    }
}
