using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>The kinds of planned expense a line may be.</summary>
public enum ExpenseCategory
{
    Machinery,
    Systems,
    Software,
    Cloud,
    Outsourcing,
    Expert,
    Advertising,
    Website,
    TradeFair,
    Materials,
    Transport,
    IntellectualProperty,
    Other,
}

/// <summary>The standard part of every form: the project period, the requested amount and the planned expense lines.</summary>
public sealed class ExpensesForm
{
    [Display(Name = "Apply.ProjectStart")] public string? ProjectStart { get; set; }
    [Display(Name = "Apply.ProjectEnd")] public string? ProjectEnd { get; set; }
    [Display(Name = "Apply.RequestedYen")] public string? RequestedYen { get; set; }
    [Display(Name = "Apply.Track")] public string? Track { get; set; }
    [Display(Name = "Apply.TopUps")] public List<string> TopUps { get; set; } = [];
    public List<ExpenseLineForm> Lines { get; set; } = [];

    /// <summary>The measure's terms the track and top-ups are checked against (set by the page, never bound).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public SubsidyTerms Terms { get; set; } = SubsidyTerms.None;

    /// <summary>The first day the project may start: the day the application was begun (spending before it is never eligible). Set by the page.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly EarliestStart { get; set; } = DateOnly.MinValue;

    /// <summary>Today in Japan: the project may not have ended already. Set by the page.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly Today { get; set; } = DateOnly.MinValue;

    /// <summary>The chosen track, when the terms have tracks.</summary>
    public string? ChosenTrack => Terms.TrackOf(Track)?.Key;

    /// <summary>The chosen top-ups the terms know, in the terms' order.</summary>
    public IReadOnlyList<string> ChosenTopUps => [.. Terms.TopUps.Where(t => TopUps.Contains(t.Key)).Select(t => t.Key)];

    /// <summary>Blank line slots shown below the filled ones (and added by "add lines").</summary>
    public const int BlankLines = 2;

    public static ExpensesForm From(Application application) => new()
    {
        ProjectStart = application.ProjectStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProjectEnd = application.ProjectEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RequestedYen = application.RequestedYen is { } requested ? Display.YenInField(requested) : null,
        Track = application.Track,
        TopUps = [.. application.TopUpKeys],
        Lines = [.. application.Expenses.OrderBy(e => e.Position).Select(e => new ExpenseLineForm
        {
            Category = e.Category,
            Description = e.Description,
            Vendor = e.Vendor,
            InvoiceRegistrationNumber = e.InvoiceRegistrationNumber,
            QuoteNumber = e.QuoteNumber,
            AmountYen = Display.YenInField(e.AmountYen),
        })],
    };

    /// <summary>The filled lines as stored; call only when valid.</summary>
    public List<ExpenseLine> ToLines() => [.. Lines.Where(l => !l.IsBlank).Select(l => new ExpenseLine
    {
        Category = l.Category!,
        Description = JapaneseInput.Clean(l.Description)!,
        Vendor = JapaneseInput.Clean(l.Vendor)!,
        InvoiceRegistrationNumber = InvoiceRegistrationNumber.Normalize(l.InvoiceRegistrationNumber),
        QuoteNumber = JapaneseInput.Clean(l.QuoteNumber),
        AmountYen = JapaneseInput.TryWhole(l.AmountYen, out var amount) ? amount ?? 0 : 0,
    })];

    public static DateOnly? Date(string? typed) => FieldInput.TryDate(typed, out var date) ? date : null;

    public static long? Yen(string? typed) => JapaneseInput.TryWhole(typed, out var amount) ? amount : null;
}

public sealed class ExpenseLineForm
{
    [Display(Name = "Expense.Category")] public string? Category { get; set; }
    [Display(Name = "Expense.Description")] public string? Description { get; set; }
    [Display(Name = "Expense.Vendor")] public string? Vendor { get; set; }
    [Display(Name = "Expense.InvoiceRegistrationNumber")] public string? InvoiceRegistrationNumber { get; set; }
    [Display(Name = "Expense.QuoteNumber")] public string? QuoteNumber { get; set; }
    [Display(Name = "Expense.AmountYen")] public string? AmountYen { get; set; }

    public bool IsBlank => new[] { Category, Description, Vendor, InvoiceRegistrationNumber, QuoteNumber, AmountYen }.All(string.IsNullOrWhiteSpace);
}

public sealed class ExpensesFormValidator : AbstractValidator<ExpensesForm>
{
    public ExpensesFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.ProjectStart).Cascade(CascadeMode.Stop)
            .Must(v => ExpensesForm.Date(v) is not null).WithMessage(t["Apply.Validation.ProjectStart"])
            .Must((f, v) => ExpensesForm.Date(v) >= f.EarliestStart).WithMessage(f => t["Apply.Validation.ProjectStartBeforeApplication", Display.Date(f.EarliestStart)]);
        RuleFor(f => f.ProjectEnd).Cascade(CascadeMode.Stop)
            .Must(v => ExpensesForm.Date(v) is not null).WithMessage(t["Apply.Validation.ProjectEnd"])
            .Must((f, v) => ExpensesForm.Date(f.ProjectStart) is not { } start || ExpensesForm.Date(v) >= start).WithMessage(t["Apply.Validation.ProjectEndBeforeStart"])
            .Must((f, v) => ExpensesForm.Date(v) >= f.Today).WithMessage(t["Apply.Validation.ProjectEnded"]);
        RuleFor(f => f.RequestedYen).Must(v => Domain.Yen.IsAmount(ExpensesForm.Yen(v))).WithMessage(t["Apply.Validation.RequestedYen"]);
        RuleFor(f => f.Track).Must((f, v) => f.Terms.Tracks.Count == 0 || f.ChosenTrack is not null).WithMessage(t["Apply.Validation.Track"]);
        // Two top-ups the terms say cannot be combined: named in the message, beside the group.
        RuleFor(f => f.TopUps).Custom((chosen, context) =>
        {
            if (context.InstanceToValidate.Terms.Conflict(chosen) is ({ } first, { } second))
            {
                context.AddFailure(nameof(ExpensesForm.TopUps), t["Apply.Validation.TopUpsExclusive", Display.Arguments([first.Name, second.Name])]);
            }
        });
        // Shown beside the first line's first field, which the summary links to.
        RuleFor(f => f.Lines).Must(lines => lines.Any(l => !l.IsBlank)).WithMessage(t["Apply.Validation.NoLines"]).OverridePropertyName("Lines[0].Category");
        RuleForEach(f => f.Lines).Where(l => !l.IsBlank).ChildRules(line =>
        {
            line.RuleFor(l => l.Category).Must(v => Enum.TryParse<ExpenseCategory>(v, out _) && !int.TryParse(v, out _)).WithMessage(t["Expense.Validation.Category"]);
            line.RuleFor(l => l.Description).NotEmpty().WithMessage(t["Expense.Validation.Description"]).MaximumLength(200).WithMessage(t["Expense.Validation.TooLong", 200]);
            line.RuleFor(l => l.Vendor).NotEmpty().WithMessage(t["Expense.Validation.Vendor"]).MaximumLength(200).WithMessage(t["Expense.Validation.TooLong", 200]);
            line.RuleFor(l => l.InvoiceRegistrationNumber)
                .Must(v => string.IsNullOrWhiteSpace(v) || InvoiceRegistrationNumber.Normalize(v) is not null).WithMessage(t["Expense.Validation.InvoiceRegistrationNumber"]);
            line.RuleFor(l => l.QuoteNumber).MaximumLength(50).WithMessage(t["Expense.Validation.TooLong", 50]);
            line.RuleFor(l => l.AmountYen).Must(v => Domain.Yen.IsAmount(ExpensesForm.Yen(v))).WithMessage(t["Expense.Validation.AmountYen"]);
        });
    }
}

/// <summary>The profile items an applicant changes from the application, before they confirm the write-back.</summary>
public sealed class ProfileChangeForm
{
    public Dictionary<string, string?> Values { get; set; } = [];
}
