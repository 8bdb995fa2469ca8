using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>The figures typed to try the self-check without saving: this year's statement and last year's sales.</summary>
public sealed class TryForm
{
    /// <summary>The figures in the order the form shows them: each a property here and of <see cref="YearFigures"/>.</summary>
    public static readonly IReadOnlyList<string> Figures =
    [
        nameof(Sales), nameof(OperatingProfit), nameof(Depreciation), nameof(CashAndDeposits), nameof(Receivables), nameof(Inventory),
        nameof(Payables), nameof(Borrowings), nameof(NetAssets), nameof(TotalAssets), nameof(Employees),
    ];

    /// <summary>Figures that may be negative (a loss, negative net assets).</summary>
    public static readonly IReadOnlySet<string> MayBeNegative = new HashSet<string>(StringComparer.Ordinal) { nameof(OperatingProfit), nameof(NetAssets) };

    /// <summary>The resource key of a figure's label: the financials page's, except for the two this form words itself.</summary>
    public static string LabelOf(string figure) => figure is nameof(PreviousSales) or nameof(Borrowings) ? $"SelfCheck.{figure}" : $"FinancialField.{figure}";

    [Display(Name = "SelfCheck.Industry")] public string? Industry { get; set; }
    [Display(Name = "SelfCheck.ClosingDate")] public string? ClosingDate { get; set; }
    [Display(Name = "SelfCheck.PreviousSales")] public string? PreviousSales { get; set; }
    [Display(Name = "FinancialField.Sales")] public string? Sales { get; set; }
    [Display(Name = "FinancialField.OperatingProfit")] public string? OperatingProfit { get; set; }
    [Display(Name = "FinancialField.Depreciation")] public string? Depreciation { get; set; }
    [Display(Name = "FinancialField.CashAndDeposits")] public string? CashAndDeposits { get; set; }
    [Display(Name = "FinancialField.Receivables")] public string? Receivables { get; set; }
    [Display(Name = "FinancialField.Inventory")] public string? Inventory { get; set; }
    [Display(Name = "FinancialField.Payables")] public string? Payables { get; set; }
    [Display(Name = "SelfCheck.Borrowings")] public string? Borrowings { get; set; }
    [Display(Name = "FinancialField.NetAssets")] public string? NetAssets { get; set; }
    [Display(Name = "FinancialField.TotalAssets")] public string? TotalAssets { get; set; }
    [Display(Name = "FinancialField.Employees")] public string? Employees { get; set; }

    private long? Whole(string figure)
    {
        JapaneseInput.TryFigure((string?)typeof(TryForm).GetProperty(figure)!.GetValue(this), out var value);
        return value;
    }

    /// <summary>
    /// The fiscal year end the form starts with: the latest 31 March on or before <paramref name="today"/> (most companies
    /// in Japan close their year in March). The person changes it to their own.
    /// </summary>
    public static DateOnly DefaultClosing(DateOnly today) =>
        new DateOnly(today.Year, 3, 31) is var march && march <= today ? march : march.AddYears(-1);

    /// <summary>A blank form, its year end set to <see cref="DefaultClosing"/>.</summary>
    public static TryForm Blank(DateOnly today) => new() { ClosingDate = DefaultClosing(today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    /// <summary>This year (ending on the date typed) and the year before it, as the indicators read them.</summary>
    public (YearFigures Current, YearFigures? Previous) ToYears()
    {
        var closing = BusinessRules.Date(ClosingDate)!.Value;
        var current = new YearFigures(
            closing, Whole(nameof(Sales)), Whole(nameof(OperatingProfit)), Whole(nameof(Depreciation)), Whole(nameof(CashAndDeposits)),
            Whole(nameof(Receivables)), Whole(nameof(Inventory)), Whole(nameof(Payables)), Whole(nameof(Borrowings)), Whole(nameof(NetAssets)),
            Whole(nameof(TotalAssets)), (int?)Whole(nameof(Employees)));
        return (current, new YearFigures(closing.AddYears(-1), Whole(nameof(PreviousSales))));
    }
}

public sealed class TryFormValidator : AbstractValidator<TryForm>
{
    public TryFormValidator(IStringLocalizer<SharedResource> t, ReferenceCatalog reference, TimeProvider clock)
    {
        RuleFor(f => f.Industry).Must(code => reference.Majors.Any(m => m.Code == code)).WithMessage(_ => t["SelfCheck.Validation.Industry"]);
        RuleFor(f => f.ClosingDate).Must(value => BusinessRules.Date(value) is { } date
                && date <= Domain.Time.JapanTime.DateOf(clock.GetUtcNow().UtcDateTime) && date.Year >= 1900)
            .WithMessage(_ => t["FinancialValidation.ClosingDate"]);
        RuleFor(f => f.Sales).Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => t["SelfCheck.Validation.Sales"]);
        foreach (var figure in TryForm.Figures.Prepend(nameof(TryForm.PreviousSales)))
        {
            this.Figure(figure, TryForm.LabelOf(figure), TryForm.MayBeNegative.Contains(figure), t);
        }
    }
}

/// <summary>The non-financial questionnaire's answers, one property per question of <see cref="NonFinancial.Questions"/>.</summary>
public sealed class NonFinancialForm
{
    [Display(Name = "SelfCheck.Q.Vision")] public string? Vision { get; set; }
    [Display(Name = "SelfCheck.Q.Succession")] public string? Succession { get; set; }
    [Display(Name = "SelfCheck.Q.Strengths")] public string? Strengths { get; set; }
    [Display(Name = "SelfCheck.Q.Weaknesses")] public string? Weaknesses { get; set; }
    [Display(Name = "SelfCheck.Q.Market")] public string? Market { get; set; }
    [Display(Name = "SelfCheck.Q.Relationships")] public string? Relationships { get; set; }
    [Display(Name = "SelfCheck.Q.Organisation")] public string? Organisation { get; set; }
    [Display(Name = "SelfCheck.Q.PeopleDevelopment")] public string? PeopleDevelopment { get; set; }

    public string? this[string question]
    {
        get => (string?)typeof(NonFinancialForm).GetProperty(question)!.GetValue(this);
        set => typeof(NonFinancialForm).GetProperty(question)!.SetValue(this, value);
    }

    public static NonFinancialForm From(IEnumerable<SelfCheckAnswer> answers)
    {
        var form = new NonFinancialForm();
        foreach (var answer in answers.Where(a => NonFinancial.IsQuestion(a.Question)))
        {
            form[answer.Question] = answer.Answer;
        }

        return form;
    }
}

public sealed class NonFinancialFormValidator : AbstractValidator<NonFinancialForm>
{
    public NonFinancialFormValidator(IStringLocalizer<SharedResource> t)
    {
        foreach (var (_, question) in NonFinancial.Questions)
        {
            RuleFor(f => f[question]).Must(value => (JapaneseInput.Clean(value)?.Length ?? 0) <= NonFinancial.MaxAnswerLength)
                .WithMessage(_ => t["SelfCheck.Validation.AnswerLength", t[$"SelfCheck.Q.{question}"], NonFinancial.MaxAnswerLength])
                .OverridePropertyName(question);
        }
    }
}
