using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>One fiscal year's figures as typed (yen; profits may be negative).</summary>
public sealed class FinancialYearForm
{
    /// <summary>The figures in the order the form shows them; each is a property of this form and of <see cref="FinancialYear"/>.</summary>
    public static IReadOnlyList<string> Figures => FinancialYear.Figures;

    /// <summary>
    /// The hint of a figure that may be negative: a profit's loss, or net assets below zero (債務超過, not a loss);
    /// null for the others.
    /// </summary>
    public static string? NegativeHintOf(string figure) => figure switch
    {
        nameof(NetAssets) => "Financials.Hint.NegativeNetAssets",
        nameof(OperatingProfit) or nameof(OrdinaryProfit) => "Financials.Hint.Loss",
        _ => null,
    };

    /// <summary>Figures that cannot be negative.</summary>
    public static readonly IReadOnlySet<string> NonNegative = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Sales), nameof(CostOfSales), nameof(Depreciation), nameof(CashAndDeposits), nameof(Receivables), nameof(Inventory),
        nameof(Payables), nameof(ShortTermBorrowings), nameof(LongTermBorrowings), nameof(TotalAssets), nameof(Employees),
    };

    [Display(Name = "FinancialField.ClosingDate")] public string? ClosingDate { get; set; }
    [Display(Name = "FinancialField.Sales")] public string? Sales { get; set; }
    [Display(Name = "FinancialField.CostOfSales")] public string? CostOfSales { get; set; }
    [Display(Name = "FinancialField.OperatingProfit")] public string? OperatingProfit { get; set; }
    [Display(Name = "FinancialField.OrdinaryProfit")] public string? OrdinaryProfit { get; set; }
    [Display(Name = "FinancialField.Depreciation")] public string? Depreciation { get; set; }
    [Display(Name = "FinancialField.CashAndDeposits")] public string? CashAndDeposits { get; set; }
    [Display(Name = "FinancialField.Receivables")] public string? Receivables { get; set; }
    [Display(Name = "FinancialField.Inventory")] public string? Inventory { get; set; }
    [Display(Name = "FinancialField.Payables")] public string? Payables { get; set; }
    [Display(Name = "FinancialField.ShortTermBorrowings")] public string? ShortTermBorrowings { get; set; }
    [Display(Name = "FinancialField.LongTermBorrowings")] public string? LongTermBorrowings { get; set; }
    [Display(Name = "FinancialField.NetAssets")] public string? NetAssets { get; set; }
    [Display(Name = "FinancialField.TotalAssets")] public string? TotalAssets { get; set; }
    [Display(Name = "FinancialField.Employees")] public string? Employees { get; set; }
    [Display(Name = "FinancialField.TaxableIncome")] public string? TaxableIncome { get; set; }

    public static FinancialYearForm From(FinancialYear year)
    {
        var form = new FinancialYearForm { ClosingDate = year.ClosingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var figure in Figures)
        {
            var value = typeof(FinancialYear).GetProperty(figure)!.GetValue(year);
            typeof(FinancialYearForm).GetProperty(figure)!.SetValue(form, Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return form;
    }

    /// <summary>The year as typed, whole, for the business to save (<see cref="Business.SaveFinancialYear"/>): a row is never changed in place.</summary>
    public FinancialYear ToFinancialYear()
    {
        var year = new FinancialYear { ClosingDate = BusinessRules.Date(ClosingDate)!.Value };
        foreach (var figure in Figures)
        {
            JapaneseInput.TryFigure((string?)typeof(FinancialYearForm).GetProperty(figure)!.GetValue(this), out var value);
            var property = typeof(FinancialYear).GetProperty(figure)!;
            property.SetValue(year, property.PropertyType == typeof(int?) ? (object?)(int?)value : value);
        }

        return year;
    }
}

public sealed class FinancialYearFormValidator : AbstractValidator<FinancialYearForm>
{
    public FinancialYearFormValidator(IStringLocalizer<SharedResource> t, TimeProvider clock)
    {
        RuleFor(f => f.ClosingDate).Must(value => BusinessRules.Date(value) is { } date
                && date <= Domain.Time.JapanTime.DateOf(clock.GetUtcNow().UtcDateTime) && date.Year >= 1900)
            .WithMessage(_ => t["FinancialValidation.ClosingDate"]);
        foreach (var figure in FinancialYearForm.Figures)
        {
            this.Figure(figure, $"FinancialField.{figure}", mayBeNegative: !FinancialYearForm.NonNegative.Contains(figure), t);
        }
    }
}

public static class FigureRules
{
    /// <summary>
    /// A statement figure typed into the string property <paramref name="figure"/>: blank, or a whole number as
    /// <see cref="JapaneseInput.TryFigure"/> reads it (full-width digits and commas allowed, △ or ▲ for minus; employees
    /// within an int), negative only where <paramref name="mayBeNegative"/>. The messages name the field by
    /// <paramref name="label"/>, a resource key, and its unit: people for employees, yen for the rest.
    /// </summary>
    public static void Figure<T>(this AbstractValidator<T> validator, string figure, string label, bool mayBeNegative, IStringLocalizer<SharedResource> t)
    {
        var property = typeof(T).GetProperty(figure)!;
        var people = figure == nameof(FinancialYearForm.Employees);
        validator.RuleFor(f => (string?)property.GetValue(f)).Cascade(CascadeMode.Stop)
            .Must(value => JapaneseInput.TryFigure(value, out var number) && (!people || number is null or <= int.MaxValue))
            .WithMessage(_ => t[people ? "FinancialValidation.People" : "FinancialValidation.Number", t[label]])
            .Must(value => mayBeNegative || !JapaneseInput.TryFigure(value, out var number) || number is null or >= 0)
            .WithMessage(_ => t["FinancialValidation.NotNegative", t[label]])
            .OverridePropertyName(figure);
    }
}

public sealed class ShareholderForm
{
    [Display(Name = "Ownership.HolderName")] public string? HolderName { get; set; }
    [Display(Name = "Ownership.SharePercent")] public string? SharePercent { get; set; }
    [Display(Name = "Ownership.IsLargeEnterprise")] public bool IsLargeEnterprise { get; set; }
    [Display(Name = "Ownership.IsDeemedLarge")] public bool IsDeemedLarge { get; set; }

    /// <summary>The share typed as a percent with up to two decimals, in hundredths of a percent.</summary>
    public static int? BasisPoints(string? typed) =>
        decimal.TryParse(JapaneseInput.Clean(typed)?.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && decimal.Round(percent, 2) == percent && percent is > 0 and <= 100
            ? (int)(percent * 100) : null;
}

public sealed class OfficerForm
{
    [Display(Name = "Ownership.OfficerName")] public string? Name { get; set; }
    [Display(Name = "Ownership.AtLargeEnterprise")] public bool AtLargeEnterprise { get; set; }
    [Display(Name = "Ownership.AtDeemedLargeFirm")] public bool AtDeemedLargeFirm { get; set; }
}

public sealed class ActivitiesForm
{
    [Display(Name = "Activities.Patents")] public string? Patents { get; set; }
    [Display(Name = "Activities.UtilityModels")] public string? UtilityModels { get; set; }
    [Display(Name = "Activities.Designs")] public string? Designs { get; set; }
    [Display(Name = "Activities.Trademarks")] public string? Trademarks { get; set; }
    [Display(Name = "Activities.ExportSharePercent")] public string? ExportSharePercent { get; set; }
    [Display(Name = "Activities.ExportCountries")] public string? ExportCountries { get; set; }
    [Display(Name = "Activities.OverseasSubsidiaries")] public string? OverseasSubsidiaries { get; set; }
    [Display(Name = "Activities.ResearchSpendingYen")] public string? ResearchSpendingYen { get; set; }
    [Display(Name = "Activities.ResearchStaff")] public string? ResearchStaff { get; set; }

    private static readonly string[] Counts = [nameof(Patents), nameof(UtilityModels), nameof(Designs), nameof(Trademarks), nameof(OverseasSubsidiaries), nameof(ResearchStaff)];

    public static IReadOnlyList<string> CountFields => Counts;

    public static ActivitiesForm From(BusinessActivities a) => new()
    {
        Patents = Text(a.Patents),
        UtilityModels = Text(a.UtilityModels),
        Designs = Text(a.Designs),
        Trademarks = Text(a.Trademarks),
        ExportSharePercent = Text(a.ExportSharePercent),
        ExportCountries = a.ExportCountries,
        OverseasSubsidiaries = Text(a.OverseasSubsidiaries),
        ResearchSpendingYen = a.ResearchSpendingYen?.ToString(CultureInfo.InvariantCulture),
        ResearchStaff = Text(a.ResearchStaff),
    };

    public BusinessActivities ToActivities() => new()
    {
        Patents = Count(Patents),
        UtilityModels = Count(UtilityModels),
        Designs = Count(Designs),
        Trademarks = Count(Trademarks),
        ExportSharePercent = Count(ExportSharePercent),
        ExportCountries = Countries(ExportCountries),
        OverseasSubsidiaries = Count(OverseasSubsidiaries),
        ResearchSpendingYen = JapaneseInput.TryWhole(ResearchSpendingYen, out var spending) ? spending : null,
        ResearchStaff = Count(ResearchStaff),
    };

    /// <summary>Country codes as typed: letters folded to upper case, separated by spaces or commas.</summary>
    public static string? Countries(string? typed)
    {
        var codes = (JapaneseInput.Clean(typed) ?? "").ToUpperInvariant().Split([' ', ',', '、'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? null : string.Join(' ', codes);
    }

    public static int? Count(string? typed) => JapaneseInput.TryWhole(typed, out var value) && value is >= 0 and <= int.MaxValue ? (int?)value : null;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

public sealed class ActivitiesFormValidator : AbstractValidator<ActivitiesForm>
{
    public ActivitiesFormValidator(IStringLocalizer<SharedResource> t)
    {
        foreach (var field in ActivitiesForm.CountFields)
        {
            var property = typeof(ActivitiesForm).GetProperty(field)!;
            RuleFor(f => (string?)property.GetValue(f))
                .Must(value => string.IsNullOrWhiteSpace(value) || ActivitiesForm.Count(value) is not null)
                .WithMessage(_ => t["ActivitiesValidation.Count", t[$"Activities.{field}"]])
                .OverridePropertyName(field);
        }

        RuleFor(f => f.ExportSharePercent).Must(value => string.IsNullOrWhiteSpace(value) || ActivitiesForm.Count(value) is >= 0 and <= 100)
            .WithMessage(_ => t["ActivitiesValidation.Percent"]);
        RuleFor(f => f.ExportCountries).Must(value => (ActivitiesForm.Countries(value) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .All(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper)) && (value?.Length ?? 0) <= 300)
            .WithMessage(_ => t["ActivitiesValidation.Countries"]);
        RuleFor(f => f.ResearchSpendingYen).Must(value => JapaneseInput.TryWhole(value, out var yen) && yen is null or >= 0)
            .WithMessage(_ => t["ActivitiesValidation.Yen"]);
    }
}
