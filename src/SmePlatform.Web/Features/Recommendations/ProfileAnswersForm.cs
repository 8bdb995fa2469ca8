using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// The questions the recommendations ask: only the facts the undecided measures need, each a profile field, so an
/// answer is given once and reused by every application. Facts that need a page of their own (industry, ownership,
/// taxable income) are linked to it instead.
/// </summary>
public sealed class ProfileAnswersForm
{
    [Display(Name = "BusinessField.RegularEmployees")] public string? RegularEmployees { get; set; }
    [Display(Name = "BusinessField.CapitalYen")] public string? CapitalYen { get; set; }
    [Display(Name = "BusinessField.PrefectureCode")] public string? PrefectureCode { get; set; }
    [Display(Name = "BusinessField.FoundedOn")] public string? FoundedOn { get; set; }
    [Display(Name = "BusinessField.Purposes")] public List<string> Purposes { get; set; } = [];

    /// <summary>The facts asked (names of <see cref="Fact"/>): only these are validated and saved.</summary>
    public List<string> Asked { get; set; } = [];

    public int Version { get; set; }

    public static bool Asks(Fact fact) => fact is Fact.Employees or Fact.Capital or Fact.Prefecture or Fact.FoundedOn or Fact.Purposes;

    public bool IsAsked(Fact fact) => Asked.Contains(fact.ToString());

    public static ProfileAnswersForm From(Business b) => new()
    {
        RegularEmployees = b.RegularEmployees?.ToString(CultureInfo.InvariantCulture),
        CapitalYen = b.CapitalYen?.ToString(CultureInfo.InvariantCulture),
        PrefectureCode = b.PrefectureCode,
        FoundedOn = b.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Purposes = [.. b.Purposes.Select(p => p.Purpose.ToString())],
        Version = b.Version,
    };

    /// <summary>Copies the asked answers (valid) onto the business.</summary>
    public void ApplyTo(ProfileDraft b)
    {
        if (IsAsked(Fact.Employees))
        {
            b.RegularEmployees = (int?)Whole(RegularEmployees);
        }

        if (IsAsked(Fact.Capital))
        {
            b.CapitalYen = Whole(CapitalYen);
        }

        if (IsAsked(Fact.Prefecture))
        {
            b.PrefectureCode = PrefectureCode;
        }

        if (IsAsked(Fact.FoundedOn))
        {
            b.FoundedOn = BusinessRules.Date(FoundedOn);
        }

        if (IsAsked(Fact.Purposes))
        {
            b.SetPurposes(Purposes.Select(Enum.Parse<Purpose>));
        }
    }

    private static long? Whole(string? typed) => JapaneseInput.TryWhole(typed, out var value) ? value : null;
}

public sealed class ProfileAnswersFormValidator : AbstractValidator<ProfileAnswersForm>
{
    public ProfileAnswersFormValidator(IStringLocalizer<SharedResource> t, ReferenceCatalog reference, TimeProvider clock)
    {
        When(f => f.IsAsked(Fact.Employees), () => RuleFor(f => f.RegularEmployees)
            .Must(value => JapaneseInput.TryWhole(value, out var count) && count is >= 0 and <= int.MaxValue)
            .WithMessage(_ => t["Recommend.Answer.Employees"]));
        When(f => f.IsAsked(Fact.Capital), () => RuleFor(f => f.CapitalYen)
            .Must(value => JapaneseInput.TryWhole(value, out var capital) && capital is >= 0)
            .WithMessage(_ => t["Recommend.Answer.Capital"]));
        When(f => f.IsAsked(Fact.Prefecture), () => RuleFor(f => f.PrefectureCode)
            .Must(code => !string.IsNullOrEmpty(code) && reference.Prefecture(code) is not null)
            .WithMessage(_ => t["Recommend.Answer.Prefecture"]));
        When(f => f.IsAsked(Fact.FoundedOn), () => RuleFor(f => f.FoundedOn)
            .Must(value => BusinessRules.Date(value) is { } date && date <= Domain.Time.JapanTime.DateOf(clock.GetUtcNow().UtcDateTime))
            .WithMessage(_ => t["Recommend.Answer.FoundedOn"]));
        When(f => f.IsAsked(Fact.Purposes), () => RuleFor(f => f.Purposes)
            .Must(purposes => purposes.Count > 0 && purposes.TrueForAll(p => Enum.TryParse<Purpose>(p, out var purpose) && Enum.IsDefined(purpose)))
            .WithMessage(_ => t["Recommend.Answer.Purposes"]));
        RuleFor(f => f.Asked).Must(asked => asked.TrueForAll(name => Enum.TryParse<Fact>(name, out var fact) && ProfileAnswersForm.Asks(fact)));
    }
}
