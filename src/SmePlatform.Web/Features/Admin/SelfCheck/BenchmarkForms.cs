using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>Where a set of values comes from, as the self-check page shows it.</summary>
public interface ISourced
{
    string? Source { get; }

    string? PublishedOn { get; }
}

/// <summary>An indicator's four thresholds for an industry as an administrator types them, with their source.</summary>
public sealed class ThresholdForm : ISourced
{
    [Display(Name = "Benchmark.T1")] public string? T1 { get; set; }
    [Display(Name = "Benchmark.T2")] public string? T2 { get; set; }
    [Display(Name = "Benchmark.T3")] public string? T3 { get; set; }
    [Display(Name = "Benchmark.T4")] public string? T4 { get; set; }
    [Display(Name = "Benchmark.Source")] public string? Source { get; set; }
    [Display(Name = "Benchmark.PublishedOn")] public string? PublishedOn { get; set; }
    public int Version { get; set; }

    /// <summary>A threshold typed as a decimal number, possibly negative (full-width digits allowed).</summary>
    public static decimal? Number(string? typed) =>
        decimal.TryParse(JapaneseInput.Clean(typed), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    public Thresholds? Thresholds => (Number(T1), Number(T2), Number(T3), Number(T4)) is ({ } a, { } b, { } c, { } d) ? new Thresholds(a, b, c, d) : null;

    /// <summary>The form for the thresholds on record, or a blank one (version 0) to load them the first time.</summary>
    public static ThresholdForm From(BenchmarkThreshold? row) => row is null ? new() : new()
    {
        T1 = row.T1.ToString(CultureInfo.InvariantCulture),
        T2 = row.T2.ToString(CultureInfo.InvariantCulture),
        T3 = row.T3.ToString(CultureInfo.InvariantCulture),
        T4 = row.T4.ToString(CultureInfo.InvariantCulture),
        Source = row.Source,
        PublishedOn = row.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Version = row.Version,
    };

    public void ApplyTo(BenchmarkThreshold row)
    {
        (row.T1, row.T2, row.T3, row.T4) = (Number(T1)!.Value, Number(T2)!.Value, Number(T3)!.Value, Number(T4)!.Value);
        row.Source = Source!.Trim();
        row.PublishedOn = BenchmarkFormRules.Date(PublishedOn)!.Value;
    }
}

/// <summary>The rank cut-offs as an administrator types them, with their source.</summary>
public sealed class CutoffsForm : ISourced
{
    [Display(Name = "Benchmark.RankA")] public string? A { get; set; }
    [Display(Name = "Benchmark.RankB")] public string? B { get; set; }
    [Display(Name = "Benchmark.RankC")] public string? C { get; set; }
    [Display(Name = "Benchmark.Source")] public string? Source { get; set; }
    [Display(Name = "Benchmark.PublishedOn")] public string? PublishedOn { get; set; }
    public int Version { get; set; }

    private static int? Whole(string? typed) => JapaneseInput.TryWhole(typed, out var value) && value is >= 0 and <= 100 ? (int?)value : null;

    public RankCutoffs? Cutoffs => (Whole(A), Whole(B), Whole(C)) is ({ } a, { } b, { } c) ? new RankCutoffs(a, b, c) : null;

    /// <summary>The form for the cut-offs on record, or a blank one (version 0) to load them the first time.</summary>
    public static CutoffsForm From(BenchmarkRankCutoffs? row) => row is null ? new() : new()
    {
        A = row.A.ToString(CultureInfo.InvariantCulture),
        B = row.B.ToString(CultureInfo.InvariantCulture),
        C = row.C.ToString(CultureInfo.InvariantCulture),
        Source = row.Source,
        PublishedOn = row.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Version = row.Version,
    };

    public void ApplyTo(BenchmarkRankCutoffs row)
    {
        (row.A, row.B, row.C) = (Whole(A)!.Value, Whole(B)!.Value, Whole(C)!.Value);
        row.Source = Source!.Trim();
        row.PublishedOn = BenchmarkFormRules.Date(PublishedOn)!.Value;
    }
}

public static class BenchmarkFormRules
{
    public static DateOnly? Date(string? typed) =>
        DateOnly.TryParseExact(JapaneseInput.Clean(typed), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The source is named (at most 500 characters, kept as typed) and dated, not in the future.</summary>
    public static void Sourced<T>(AbstractValidator<T> validator, IStringLocalizer<SharedResource> t, TimeProvider clock)
        where T : ISourced
    {
        validator.RuleFor(f => f.Source).Must(s => s?.Trim() is { Length: > 0 and <= 500 }).WithMessage(_ => t["Benchmark.Validation.Source"]);
        validator.RuleFor(f => f.PublishedOn).Must(d => Date(d) is { } date && date <= Domain.Time.JapanTime.DateOf(clock.GetUtcNow().UtcDateTime))
            .WithMessage(_ => t["Benchmark.Validation.PublishedOn"]);
    }
}

public sealed class ThresholdFormValidator : AbstractValidator<ThresholdForm>
{
    public ThresholdFormValidator(IStringLocalizer<SharedResource> t, TimeProvider clock)
    {
        foreach (var (name, read) in new (string, Func<ThresholdForm, string?>)[] { ("T1", f => f.T1), ("T2", f => f.T2), ("T3", f => f.T3), ("T4", f => f.T4) })
        {
            RuleFor(f => read(f)).Must(v => ThresholdForm.Number(v) is not null).WithMessage(_ => t["Benchmark.Validation.Number", t[$"Benchmark.{name}"]]).OverridePropertyName(name);
        }

        RuleFor(f => f.T4).Must((f, _) => f.Thresholds is not { } th || th.IsAscending).WithMessage(_ => t["Benchmark.Validation.Ascending"]);
        BenchmarkFormRules.Sourced(this, t, clock);
    }
}

public sealed class CutoffsFormValidator : AbstractValidator<CutoffsForm>
{
    public CutoffsFormValidator(IStringLocalizer<SharedResource> t, TimeProvider clock)
    {
        RuleFor(f => f.A).Must((f, _) => f.Cutoffs is { IsValid: true }).WithMessage(_ => t["Benchmark.Validation.Cutoffs", LocalBenchmark.Indicators.Count, LocalBenchmark.Indicators.Count * 5]);
        BenchmarkFormRules.Sourced(this, t, clock);
    }
}
