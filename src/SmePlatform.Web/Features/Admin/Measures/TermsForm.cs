using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Text;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// A measure's terms as the terms editor shows them: tracks, top-ups and rows, each field kept as typed so that
/// nothing is lost when the page comes back with a message. Blank slots below the filled ones take new entries; a
/// ticked "remove" drops an entry on save.
/// </summary>
public sealed class TermsForm
{
    public const int BlankRows = 3;
    public const int BlankTracks = 1;
    public const int BlankTopUps = 1;

    /// <summary>The word that means "no rate: the whole eligible cost up to the maximum" (「定額」, or "fixed" typed on the English page).</summary>
    public const string FixedAmountWord = "定額";

    public static bool IsFixedAmountWord(string? typed) =>
        JapaneseInput.Clean(typed) is { } word && (word == FixedAmountWord || word.Equals("fixed", StringComparison.OrdinalIgnoreCase));

    [Display(Name = "TermsField.RoundingUnitYen")] public string? RoundingUnitYen { get; set; }
    [Display(Name = "TermsField.Basis")] public string? Basis { get; set; }
    public List<TrackForm> Tracks { get; set; } = [];
    public List<TopUpForm> TopUps { get; set; } = [];
    public List<TermsRowForm> Rows { get; set; } = [];

    /// <summary>The measure's version the editor started from; a save against a newer one is refused.</summary>
    public int Version { get; set; }

    public static TermsForm From(SubsidyTerms terms, int version) => new TermsForm
    {
        RoundingUnitYen = terms.RoundingUnitYen.ToString(CultureInfo.InvariantCulture),
        Basis = terms.Basis.ToString(),
        Tracks = [.. terms.Tracks.Select(t => new TrackForm { Key = t.Key, NameJa = t.NameJa, NameEn = t.NameEn })],
        TopUps = [.. terms.TopUps.Select(t => new TopUpForm
        {
            Key = t.Key, NameJa = t.NameJa, NameEn = t.NameEn, CommitmentJa = t.CommitmentJa, CommitmentEn = t.CommitmentEn, Excludes = string.Join(' ', t.Excludes),
        })],
        Rows = [.. terms.Rows.Select(TermsRowForm.From)],
        Version = version,
    }.WithBlankSlots();

    /// <summary>Adds the blank slots for new entries (and, when asked, more rows).</summary>
    public TermsForm WithBlankSlots(int moreRows = 0)
    {
        Tracks.AddRange(Enumerable.Range(0, BlankTracks).Select(_ => new TrackForm()));
        TopUps.AddRange(Enumerable.Range(0, BlankTopUps).Select(_ => new TopUpForm()));
        Rows.AddRange(Enumerable.Range(0, BlankRows + moreRows).Select(_ => new TermsRowForm()));
        return this;
    }

    /// <summary>The entries kept: neither blank nor marked for removal, with their indexes in the form (for messages).</summary>
    public IEnumerable<(TermsRowForm Row, int Index)> KeptRows => Rows.Select((row, index) => (row, index)).Where(x => !x.row.Remove && !x.row.IsBlank);

    public IEnumerable<TrackForm> KeptTracks => Tracks.Where(t => !t.Remove && !t.IsBlank);

    public IEnumerable<TopUpForm> KeptTopUps => TopUps.Where(t => !t.Remove && !t.IsBlank);

    /// <summary>The terms the form describes; call only when its fields are valid.</summary>
    public SubsidyTerms ToTerms() => new()
    {
        RoundingUnitYen = Whole(RoundingUnitYen) ?? 1,
        Basis = Enum.Parse<CostBasis>(Basis!),
        Tracks = [.. KeptTracks.Select(t => new TermsTrack(Key(t.Key)!, Clean(t.NameJa), Clean(t.NameEn)))],
        TopUps = [.. KeptTopUps.Select(t => new TermsTopUp(Key(t.Key)!, Clean(t.NameJa), Clean(t.NameEn), Clean(t.CommitmentJa), Clean(t.CommitmentEn))
        {
            Excludes = [.. Words(t.Excludes)],
        })],
        Rows = [.. KeptRows.Select(x => x.Row.ToRow())],
    };

    /// <summary>A key as typed: trimmed and folded to half width.</summary>
    public static string? Key(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Normalize(NormalizationForm.FormKC).Trim();

    public static IEnumerable<string> Words(string? typed) =>
        (typed ?? "").Normalize(NormalizationForm.FormKC).Split([' ', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);

    public static long? Whole(string? typed) => JapaneseInput.TryWhole(typed, out var value) ? value : null;

    /// <summary>Names and commitments as typed (trimmed only): a save must not rewrite text nobody edited, such as 「＋50円」.</summary>
    private static string Clean(string? text) => text?.Trim() ?? "";
}

public sealed class TrackForm
{
    [Display(Name = "TermsField.Key")] public string? Key { get; set; }
    [Display(Name = "TermsField.NameJa")] public string? NameJa { get; set; }
    [Display(Name = "TermsField.NameEn")] public string? NameEn { get; set; }
    [Display(Name = "TermsField.Remove")] public bool Remove { get; set; }

    public bool IsBlank => new[] { Key, NameJa, NameEn }.All(string.IsNullOrWhiteSpace);
}

public sealed class TopUpForm
{
    [Display(Name = "TermsField.Key")] public string? Key { get; set; }
    [Display(Name = "TermsField.NameJa")] public string? NameJa { get; set; }
    [Display(Name = "TermsField.NameEn")] public string? NameEn { get; set; }
    [Display(Name = "TermsField.CommitmentJa")] public string? CommitmentJa { get; set; }
    [Display(Name = "TermsField.CommitmentEn")] public string? CommitmentEn { get; set; }
    [Display(Name = "TermsField.Excludes")] public string? Excludes { get; set; }
    [Display(Name = "TermsField.Remove")] public bool Remove { get; set; }

    public bool IsBlank => new[] { Key, NameJa, NameEn, CommitmentJa, CommitmentEn, Excludes }.All(string.IsNullOrWhiteSpace);
}

/// <summary>One row of terms as typed: conditions, then what the row gives. Numbers as typed (full-width and commas accepted).</summary>
public sealed class TermsRowForm
{
    [Display(Name = "TermsField.Track")] public string? Track { get; set; }
    [Display(Name = "TermsField.Size")] public string? Size { get; set; }
    [Display(Name = "TermsField.MinEmployees")] public string? MinEmployees { get; set; }
    [Display(Name = "TermsField.MaxEmployees")] public string? MaxEmployees { get; set; }
    [Display(Name = "TermsField.TopUp")] public string? TopUp { get; set; }
    [Display(Name = "TermsField.BandFromYen")] public string? BandFromYen { get; set; }
    [Display(Name = "TermsField.Rate")] public string? Rate { get; set; }
    [Display(Name = "TermsField.MaxYen")] public string? MaxYen { get; set; }
    [Display(Name = "TermsField.MinYen")] public string? MinYen { get; set; }
    [Display(Name = "TermsField.RaiseMaxYen")] public string? RaiseMaxYen { get; set; }
    [Display(Name = "TermsField.Remove")] public bool Remove { get; set; }

    /// <summary>A slot nobody typed in: the selects' defaults do not count.</summary>
    public bool IsBlank => new[] { Track, MinEmployees, MaxEmployees, TopUp, BandFromYen, Rate, MaxYen, MinYen, RaiseMaxYen }.All(string.IsNullOrWhiteSpace);

    public bool IsTopUp => !string.IsNullOrWhiteSpace(TopUp);

    public static TermsRowForm From(TermsRow row) => new()
    {
        Track = row.Track,
        Size = row.Size.ToString(),
        MinEmployees = Invariant(row.MinEmployees),
        MaxEmployees = Invariant(row.MaxEmployees),
        TopUp = row.TopUp,
        BandFromYen = row.BandFromYen == 0 ? null : Invariant(row.BandFromYen),
        Rate = row.Rate?.ToString() ?? (row.IsTopUp ? null : TermsForm.FixedAmountWord),
        MaxYen = Invariant(row.MaxYen),
        MinYen = Invariant(row.MinYen),
        RaiseMaxYen = Invariant(row.RaiseMaxYen),
    };

    public TermsRow ToRow() => new()
    {
        Track = TermsForm.Key(Track),
        Size = Enum.TryParse<SizeCondition>(Size, out var size) ? size : SizeCondition.Any,
        MinEmployees = (int?)TermsForm.Whole(MinEmployees),
        MaxEmployees = (int?)TermsForm.Whole(MaxEmployees),
        TopUp = TermsForm.Key(TopUp),
        BandFromYen = TermsForm.Whole(BandFromYen) ?? 0,
        Rate = SubsidyRate.ParseExact(Rate),
        MaxYen = TermsForm.Whole(MaxYen),
        MinYen = TermsForm.Whole(MinYen),
        RaiseMaxYen = TermsForm.Whole(RaiseMaxYen),
    };

    /// <summary>The rate as typed reads as one rate, or says 定額 (a base row needs one of the two).</summary>
    public bool RateReads => string.IsNullOrWhiteSpace(Rate)
        ? IsTopUp
        : SubsidyRate.ParseExact(Rate) is not null || (!IsTopUp && TermsForm.IsFixedAmountWord(Rate));

    private static string? Invariant(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The terms editor's rules: every number a whole number in range, every rate one fraction (or 定額), every key
/// a short ASCII key; then, once every field reads, the rules of the terms as a whole (<see cref="TermsProblems"/>):
/// no two rows for the same applicant, no gap between employee brackets of a size class, bands that follow one another.
/// A row's message stands beside its first field.
/// </summary>
public sealed class TermsFormValidator : AbstractValidator<TermsForm>
{
    public TermsFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.RoundingUnitYen).Must(v => TermsForm.Whole(v) is { } unit && SubsidyTerms.RoundingUnits.Contains(unit))
            .WithMessage(_ => t["TermsValidation.RoundingUnit"]);
        RuleFor(f => f.Basis).Must(v => Enum.TryParse<CostBasis>(v, out var basis) && Enum.IsDefined(basis))
            .WithMessage(_ => t["TermsValidation.Choose", t["TermsField.Basis"]]);
        RuleForEach(f => f.Tracks).Where(x => !x.Remove && !x.IsBlank).ChildRules(track =>
        {
            track.RuleFor(x => x.Key).Must(IsKey).WithMessage(_ => t["TermsValidation.Key"]);
            track.RuleFor(x => x.NameJa).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.NameJa"]]).MaximumLength(100).WithMessage(_ => t["TermsValidation.TooLong", 100]);
            track.RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.NameEn"]]).MaximumLength(100).WithMessage(_ => t["TermsValidation.TooLong", 100]);
        });
        RuleForEach(f => f.TopUps).Where(x => !x.Remove && !x.IsBlank).ChildRules(topUp =>
        {
            topUp.RuleFor(x => x.Key).Must(IsKey).WithMessage(_ => t["TermsValidation.Key"]);
            topUp.RuleFor(x => x.NameJa).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.NameJa"]]).MaximumLength(100).WithMessage(_ => t["TermsValidation.TooLong", 100]);
            topUp.RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.NameEn"]]).MaximumLength(100).WithMessage(_ => t["TermsValidation.TooLong", 100]);
            topUp.RuleFor(x => x.CommitmentJa).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.CommitmentJa"]]).MaximumLength(1000).WithMessage(_ => t["TermsValidation.TooLong", 1000]);
            topUp.RuleFor(x => x.CommitmentEn).NotEmpty().WithMessage(_ => t["TermsValidation.Required", t["TermsField.CommitmentEn"]]).MaximumLength(1000).WithMessage(_ => t["TermsValidation.TooLong", 1000]);
        });
        RuleForEach(f => f.Rows).Where(x => !x.Remove && !x.IsBlank).ChildRules(row =>
        {
            row.RuleFor(x => x.MinEmployees).Must(v => Count(v, int.MaxValue)).WithMessage(_ => t["TermsValidation.Employees"]);
            row.RuleFor(x => x.MaxEmployees).Must(v => Count(v, int.MaxValue)).WithMessage(_ => t["TermsValidation.Employees"]);
            row.RuleFor(x => x.BandFromYen).Must(v => Count(v, long.MaxValue)).WithMessage(_ => t["TermsValidation.Yen", t["TermsField.BandFromYen"]]);
            row.RuleFor(x => x.MaxYen).Must(v => Count(v, long.MaxValue)).WithMessage(_ => t["TermsValidation.Yen", t["TermsField.MaxYen"]]);
            row.RuleFor(x => x.MinYen).Must(v => Count(v, long.MaxValue)).WithMessage(_ => t["TermsValidation.Yen", t["TermsField.MinYen"]]);
            row.RuleFor(x => x.RaiseMaxYen).Must(v => Count(v, long.MaxValue)).WithMessage(_ => t["TermsValidation.Yen", t["TermsField.RaiseMaxYen"]]);
            row.RuleFor(x => x.Rate).Must((x, _) => x.RateReads).WithMessage(_ => t["TermsValidation.Rate"]);
        });
    }

    /// <summary>
    /// The rules of the terms as a whole, for a form whose every field reads (<see cref="TermsFormValidator"/> passed):
    /// each problem with the field it stands beside and its message.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> TermsProblems(TermsForm form, IStringLocalizer t)
    {
        var rows = form.KeptRows.ToList();
        var terms = form.ToTerms();
        foreach (var problem in terms.Problems())
        {
            var field = problem.Row is { } row ? $"Rows[{rows[row].Index}].Track" : ProblemField(form, problem);
            object[] args = problem switch
            {
                // Rows named by their numbers on the page (the domain counts only the rows kept).
                { Key: "Terms.Problem.Overlap", Args: [int first, int second] } => [rows[first - 1].Index + 1, rows[second - 1].Index + 1],
                { Key: "Terms.Problem.Gap", Args: [string track, SizeCondition size, int from, int to] } =>
                    [(track.Length == 0 ? "" : TrackName(terms, track) + t["List.Separator"].Value) + Catalogue.TermsText.Size(t, size), from, to],
                _ => problem.Args,
            };
            yield return (field, t[problem.Key, args]);
        }
    }

    private static string TrackName(SubsidyTerms terms, string key) =>
        terms.TrackOf(key) is { } track ? Infrastructure.Localization.Display.Text(track.NameJa, track.NameEn) : key;

    /// <summary>Where a problem of the terms as a whole is shown: the track or top-up it names, the rounding, or the rows.</summary>
    private static string ProblemField(TermsForm form, TermsProblem problem) => problem switch
    {
        { Key: "Terms.Problem.Track", Args: [string key] } => $"Tracks[{Math.Max(0, form.Tracks.FindIndex(x => !x.Remove && TermsForm.Key(x.Key) == key))}].Key",
        { Key: "Terms.Problem.TopUp", Args: [string key] } => $"TopUps[{Math.Max(0, form.TopUps.FindIndex(x => !x.Remove && TermsForm.Key(x.Key) == key))}].Key",
        { Key: "Terms.Problem.RoundingUnit" } => nameof(TermsForm.RoundingUnitYen),
        _ => "Rows[0].Track",
    };

    private static bool IsKey(string? typed) => TermsForm.Key(typed) is { Length: >= 1 and <= 40 } key && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool Count(string? typed, long max) =>
        string.IsNullOrWhiteSpace(typed) || JapaneseInput.TryWhole(typed, out var value) && value is >= 0 && value <= max;
}
