using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
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

    /// <summary>The project period the invoices must fall in (set by the page from the application, never bound).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? ProjectStart { get; set; }

    /// <summary>The project period's last day (set by the page, never bound).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? ProjectEnd { get; set; }

    /// <summary>The report's day, today in Japan: no invoice is dated after it (set by the page, never bound).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly Today { get; set; } = DateOnly.MaxValue;

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
        // Every invoice dated (as a date: one missing or mistyped is refused above) on or before the report's day and
        // within the project period (ReportRules.Check): one not yet issued, or a cost of another time, is refused beside its date.
        RuleForEach(f => f.Lines).Where(l => !l.IsBlank && ExpensesForm.Date(l.InvoiceDate) is not null).Custom((line, context) =>
        {
            var form = context.InstanceToValidate;
            var problem = ReportRules.Check(ExpensesForm.Date(line.InvoiceDate)!.Value, form.ProjectStart, form.ProjectEnd, form.Today);
            if (problem != InvoiceDateProblem.None)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure($"Lines[{form.Lines.IndexOf(line)}].InvoiceDate", problem == InvoiceDateProblem.AfterReportDay
                    ? t["Report.Validation.AfterToday", Display.Date(form.Today)]
                    : t["Report.Validation.OutsidePeriod", form.ProjectStart is { } first ? Display.Date(first) : "", form.ProjectEnd is { } last ? Display.Date(last) : ""]));
            }
        });
    }
}
