using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// The facts of the public quick check and of <c>GET /api/v1/eligibility-check</c>, under the same names in both.
/// Every one is optional (a fact not given is one the verdicts ask for); a bad one is reported under its own name
/// with a message key, and the page shows it beside its field. Bound as text so nothing typed is lost.
/// </summary>
public sealed partial class EligibilityCheckParameters
{
    /// <summary>JSIC major category, one letter A–T.</summary>
    [FromQuery(Name = "industry")]
    [Display(Name = "QuickCheck.Industry")]
    public string? Industry { get; set; }

    /// <summary>JSIC middle category, two digits, within the major one.</summary>
    [FromQuery(Name = "industryMiddle")]
    [Display(Name = "QuickCheck.IndustryMiddle")]
    public string? IndustryMiddle { get; set; }

    /// <summary>JSIC minor category, three digits, within the middle one.</summary>
    [FromQuery(Name = "industryMinor")]
    [Display(Name = "QuickCheck.IndustryMinor")]
    public string? IndustryMinor { get; set; }

    [FromQuery(Name = "capitalYen")]
    [Display(Name = "QuickCheck.CapitalYen")]
    public string? CapitalYen { get; set; }

    [FromQuery(Name = "employees")]
    [Display(Name = "QuickCheck.Employees")]
    public string? Employees { get; set; }

    /// <summary>JIS prefecture code, two digits.</summary>
    [FromQuery(Name = "prefecture")]
    [Display(Name = "QuickCheck.Prefecture")]
    public string? Prefecture { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    [FromQuery(Name = "foundedOn")]
    [Display(Name = "QuickCheck.FoundedOn")]
    public string? FoundedOn { get; set; }

    /// <summary><c>corporation</c> or <c>sole-proprietor</c>.</summary>
    [FromQuery(Name = "legalForm")]
    [Display(Name = "QuickCheck.LegalForm")]
    public string? LegalForm { get; set; }

    /// <summary>Purposes in kebab case (<c>equipment-investment</c>), repeatable.</summary>
    [FromQuery(Name = "purposes")]
    [Display(Name = "QuickCheck.Purposes")]
    public List<string> Purposes { get; set; } = [];

    /// <summary><c>yes</c> or <c>no</c>: the business's own answer to "is it deemed large?" (the page asks it; optional).</summary>
    [FromQuery(Name = "deemedLarge")]
    [Display(Name = "QuickCheck.DeemedLarge")]
    public string? DeemedLarge { get; set; }

    /// <summary>Whether anything was given (the page shows results only then).</summary>
    public bool IsEmpty =>
        new[] { Industry, IndustryMiddle, IndustryMinor, CapitalYen, Employees, Prefecture, FoundedOn, LegalForm, DeemedLarge }.All(string.IsNullOrWhiteSpace) && Purposes.Count == 0;

    private static readonly Dictionary<string, Purpose> PurposesByName = Enum.GetValues<Purpose>().ToDictionary(Kebab, StringComparer.Ordinal);

    public static string Kebab(Purpose purpose) => KebabBoundary().Replace(purpose.ToString(), "$1-$2").ToLowerInvariant();

    public static string Kebab(Domain.Businesses.LegalForm form) => form == Domain.Businesses.LegalForm.Corporation ? "corporation" : "sole-proprietor";

    public bool TryRead(ReferenceCatalog reference, DateOnly today, out ApplicantFacts facts, out Dictionary<string, string> errors)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        errors = problems;

        var major = Clean(Industry)?.ToUpperInvariant();
        if (major is not null && (major.Length != 1 || reference.Industry(major) is null))
        {
            problems["industry"] = "QuickCheck.Invalid.Industry";
        }

        var middle = Clean(IndustryMiddle);
        if (middle is not null && (major is null || !IsDigits(middle, 2) || reference.MajorOf(middle) != major))
        {
            problems["industryMiddle"] = "QuickCheck.Invalid.IndustryMiddle";
        }

        var minor = Clean(IndustryMinor);
        if (minor is not null && (middle is null || !IsDigits(minor, 3) || !minor.StartsWith(middle, StringComparison.Ordinal)))
        {
            problems["industryMinor"] = "QuickCheck.Invalid.IndustryMinor";
        }

        var capital = Whole(CapitalYen, long.MaxValue, "capitalYen", "QuickCheck.Invalid.CapitalYen");
        var employees = Whole(Employees, int.MaxValue, "employees", "QuickCheck.Invalid.Employees");

        var prefecture = Clean(Prefecture);
        if (prefecture is not null && reference.Prefecture(prefecture) is null)
        {
            problems["prefecture"] = "QuickCheck.Invalid.Prefecture";
        }

        var founded = BusinessRules.Date(FoundedOn);
        if (!string.IsNullOrWhiteSpace(FoundedOn) && (founded is null || founded > today))
        {
            problems["foundedOn"] = founded is null ? "QuickCheck.Invalid.FoundedOn" : "QuickCheck.Invalid.FoundedInFuture";
        }

        Domain.Businesses.LegalForm? legalForm = Clean(LegalForm) switch
        {
            null => null,
            "corporation" => Domain.Businesses.LegalForm.Corporation,
            "sole-proprietor" => Domain.Businesses.LegalForm.SoleProprietor,
            _ => Fail<Domain.Businesses.LegalForm>("legalForm", "QuickCheck.Invalid.LegalForm"),
        };

        var purposes = new HashSet<Purpose>();
        foreach (var typed in Purposes.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (PurposesByName.TryGetValue(typed.Trim(), out var purpose))
            {
                purposes.Add(purpose);
            }
            else
            {
                problems["purposes"] = "QuickCheck.Invalid.Purposes";
            }
        }

        bool? deemedLarge = Clean(DeemedLarge) switch
        {
            null => null,
            "yes" => true,
            "no" => false,
            _ => Fail<bool>("deemedLarge", "QuickCheck.Invalid.DeemedLarge"),
        };

        facts = new ApplicantFacts(
            legalForm,
            major is null || problems.ContainsKey("industry") ? null
                : new IndustryCode(major, problems.ContainsKey("industryMiddle") ? null : middle, problems.ContainsKey("industryMinor") ? null : minor),
            capital,
            (int?)employees,
            problems.ContainsKey("prefecture") ? null : prefecture,
            problems.ContainsKey("foundedOn") ? null : founded,
            purposes,
            DeclaredDeemedLarge: deemedLarge);
        return problems.Count == 0;

        T? Fail<T>(string name, string message)
            where T : struct
        {
            problems[name] = message;
            return null;
        }

        long? Whole(string? typed, long max, string name, string message)
        {
            if (JapaneseInput.TryWhole(typed, out var value) && value is not < 0 && (value ?? 0) <= max)
            {
                return value;
            }

            problems[name] = message;
            return null;
        }
    }

    private static string? Clean(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : JapaneseInput.Clean(typed);

    private static bool IsDigits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabBoundary();
}
