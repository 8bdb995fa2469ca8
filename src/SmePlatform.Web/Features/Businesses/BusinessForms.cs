using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Features.Businesses;

public sealed class RegisterBusinessForm
{
    [Display(Name = "BusinessField.LegalForm")] public string? LegalForm { get; set; }
    [Display(Name = "BusinessField.CorporateNumber")] public string? CorporateNumber { get; set; }
    [Display(Name = "BusinessField.Name")] public string? Name { get; set; }
    [Display(Name = "BusinessField.NameKana")] public string? NameKana { get; set; }

    public bool IsCorporation => LegalForm == nameof(Domain.Businesses.LegalForm.Corporation);
}

/// <summary>The basics every application form reuses. Text as typed; read by the validator, applied when valid.</summary>
public sealed class BasicsForm
{
    [Display(Name = "BusinessField.Name")] public string? Name { get; set; }
    [Display(Name = "BusinessField.NameKana")] public string? NameKana { get; set; }
    [Display(Name = "BusinessField.PostalCode")] public string? PostalCode { get; set; }
    [Display(Name = "BusinessField.PrefectureCode")] public string? PrefectureCode { get; set; }
    [Display(Name = "BusinessField.City")] public string? City { get; set; }
    [Display(Name = "BusinessField.Street")] public string? Street { get; set; }
    [Display(Name = "BusinessField.RepresentativeName")] public string? RepresentativeName { get; set; }
    [Display(Name = "BusinessField.RepresentativeTitle")] public string? RepresentativeTitle { get; set; }
    [Display(Name = "BusinessField.Phone")] public string? Phone { get; set; }
    [Display(Name = "BusinessField.Email")] public string? Email { get; set; }
    [Display(Name = "BusinessField.CapitalYen")] public string? CapitalYen { get; set; }
    [Display(Name = "BusinessField.FoundedOn")] public string? FoundedOn { get; set; }
    [Display(Name = "BusinessField.FiscalYearEndMonth")] public string? FiscalYearEndMonth { get; set; }
    [Display(Name = "BusinessField.Website")] public string? Website { get; set; }
    public int Version { get; set; }

    public static BasicsForm From(Business b) => new()
    {
        Name = b.Name,
        NameKana = b.NameKana,
        PostalCode = b.PostalCode,
        PrefectureCode = b.PrefectureCode,
        City = b.City,
        Street = b.Street,
        RepresentativeName = b.RepresentativeName,
        RepresentativeTitle = b.RepresentativeTitle,
        Phone = b.Phone,
        Email = b.Email,
        CapitalYen = b.CapitalYen?.ToString(CultureInfo.InvariantCulture),
        FoundedOn = b.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FiscalYearEndMonth = b.FiscalYearEndMonth?.ToString(CultureInfo.InvariantCulture),
        Website = b.Website,
        Version = b.Version,
    };

    /// <summary>The values as the profile keeps them, set on a draft of it (<see cref="Business.Change"/>).</summary>
    public void ApplyTo(ProfileDraft b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Name = JapaneseInput.Clean(Name)!;
        b.NameKana = JapaneseInput.Katakana(NameKana)!;
        b.PostalCode = Optional(JapaneseInput.Digits(PostalCode));
        b.PrefectureCode = Optional(PrefectureCode);
        b.City = JapaneseInput.Clean(City);
        b.Street = JapaneseInput.Clean(Street);
        b.RepresentativeName = JapaneseInput.Clean(RepresentativeName);
        b.RepresentativeTitle = JapaneseInput.Clean(RepresentativeTitle);
        b.Phone = Optional(JapaneseInput.Digits(Phone));
        b.Email = JapaneseInput.Clean(Email);
        b.CapitalYen = JapaneseInput.TryWhole(CapitalYen, out var capital) ? capital : null;
        b.FoundedOn = BusinessRules.Date(FoundedOn);
        b.FiscalYearEndMonth = int.TryParse(FiscalYearEndMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month) ? month : null;
        b.Website = JapaneseInput.Clean(Website);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>What recommendations read: the industry (JSIC), regular employees and the purposes pursued.</summary>
public sealed class IndustryForm
{
    [Display(Name = "BusinessField.IndustryMajor")] public string? IndustryMajor { get; set; }
    [Display(Name = "BusinessField.IndustryMiddle")] public string? IndustryMiddle { get; set; }
    [Display(Name = "BusinessField.IndustryMinor")] public string? IndustryMinor { get; set; }
    [Display(Name = "BusinessField.RegularEmployees")] public string? RegularEmployees { get; set; }
    [Display(Name = "BusinessField.Purposes")] public List<string> Purposes { get; set; } = [];
    public int Version { get; set; }

    public static IndustryForm From(Business b) => new()
    {
        IndustryMajor = b.IndustryMajor,
        IndustryMiddle = b.IndustryMiddle,
        IndustryMinor = b.IndustryMinor,
        RegularEmployees = b.RegularEmployees?.ToString(CultureInfo.InvariantCulture),
        Purposes = [.. b.Purposes.Select(p => p.Purpose.ToString())],
        Version = b.Version,
    };

    /// <summary>The values as the profile keeps them, set on a draft of it (<see cref="Business.Change"/>).</summary>
    public void ApplyTo(ProfileDraft b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.IndustryMajor = string.IsNullOrEmpty(IndustryMajor) ? null : IndustryMajor;
        b.IndustryMiddle = string.IsNullOrEmpty(IndustryMiddle) ? null : IndustryMiddle;
        b.IndustryMinor = string.IsNullOrEmpty(IndustryMinor) ? null : IndustryMinor;
        b.RegularEmployees = JapaneseInput.TryWhole(RegularEmployees, out var employees) && employees is { } count ? (int)count : null;
        b.SetPurposes(Purposes.Select(Enum.Parse<Purpose>));
    }
}

public static class BusinessRules
{
    public static DateOnly? Date(string? typed) =>
        DateOnly.TryParseExact(JapaneseInput.Clean(typed), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IRuleBuilderOptions<T, string?> KanaReading<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => t["BusinessValidation.KanaRequired"])
            .Must(value => JapaneseInput.IsKatakanaReading(JapaneseInput.Katakana(value))).WithMessage(_ => t["BusinessValidation.Kana"])
            .Must(value => (value?.Length ?? 0) <= 200).WithMessage(_ => t["BusinessValidation.TooLong", t["BusinessField.NameKana"], 200]);

    public static IRuleBuilderOptions<T, string?> BusinessName<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedResource> t) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => t["BusinessValidation.NameRequired"])
            .Must(value => (value?.Trim().Length ?? 0) <= 200).WithMessage(_ => t["BusinessValidation.TooLong", t["BusinessField.Name"], 200]);
}

public sealed class RegisterBusinessFormValidator : AbstractValidator<RegisterBusinessForm>
{
    public RegisterBusinessFormValidator(IStringLocalizer<SharedResource> t, SmeDbContext db)
    {
        RuleFor(f => f.LegalForm).Must(form => Enum.TryParse<LegalForm>(form, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage(_ => t["BusinessValidation.LegalForm"]);
        RuleFor(f => f.CorporateNumber).Cascade(CascadeMode.Stop)
            .Must(number => CorporateNumber.Check(number, out _) != CorporateNumberProblem.Empty).WithMessage(_ => t["BusinessValidation.CorporateNumberRequired"])
            .Must(number => CorporateNumber.Check(number, out _) != CorporateNumberProblem.NotThirteenDigits).WithMessage(_ => t["BusinessValidation.CorporateNumberDigits"])
            .Must(number => CorporateNumber.Check(number, out _) != CorporateNumberProblem.WrongCheckDigit).WithMessage(_ => t["BusinessValidation.CorporateNumberCheckDigit"])
            .MustAsync(async (number, cancellationToken) =>
            {
                var normalized = CorporateNumber.Normalize(number);
                return !await db.Businesses.AnyAsync(b => b.CorporateNumber == normalized, cancellationToken);
            })
            .WithMessage(_ => t["BusinessValidation.CorporateNumberTaken"])
            .When(f => f.IsCorporation);
        RuleFor(f => f.Name).BusinessName(t);
        RuleFor(f => f.NameKana).KanaReading(t);
    }
}

public sealed class BasicsFormValidator : AbstractValidator<BasicsForm>
{
    public BasicsFormValidator(IStringLocalizer<SharedResource> t, ReferenceCatalog reference, TimeProvider clock)
    {
        RuleFor(f => f.Name).BusinessName(t);
        RuleFor(f => f.NameKana).KanaReading(t);
        RuleFor(f => f.PostalCode).Must(code => string.IsNullOrWhiteSpace(code) || (JapaneseInput.Digits(code) is { Length: 7 } digits && digits.All(char.IsAsciiDigit)))
            .WithMessage(_ => t["BusinessValidation.PostalCode"]);
        RuleFor(f => f.PrefectureCode).Must(code => string.IsNullOrEmpty(code) || reference.Prefecture(code) is not null)
            .WithMessage(_ => t["BusinessValidation.Prefecture"]);
        Length(f => f.City, "City", 100);
        Length(f => f.Street, "Street", 200);
        Length(f => f.RepresentativeName, "RepresentativeName", 100);
        Length(f => f.RepresentativeTitle, "RepresentativeTitle", 100);
        RuleFor(f => f.Phone).Must(phone => string.IsNullOrWhiteSpace(phone) || (JapaneseInput.Digits(phone) is { Length: 10 or 11 } digits && digits[0] == '0' && digits.All(char.IsAsciiDigit)))
            .WithMessage(_ => t["BusinessValidation.Phone"]);
        RuleFor(f => f.Email).Must(email => string.IsNullOrWhiteSpace(email) || (email.Trim().Length <= 256 && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
            .WithMessage(_ => t["BusinessValidation.Email"]);
        RuleFor(f => f.CapitalYen).Cascade(CascadeMode.Stop)
            .Must(value => JapaneseInput.TryWhole(value, out _)).WithMessage(_ => t["BusinessValidation.Capital"])
            .Must(value => !JapaneseInput.TryWhole(value, out var capital) || capital is null or >= 0).WithMessage(_ => t["BusinessValidation.Capital"]);
        RuleFor(f => f.FoundedOn).Cascade(CascadeMode.Stop)
            .Must(value => string.IsNullOrWhiteSpace(value) || BusinessRules.Date(value) is not null).WithMessage(_ => t["BusinessValidation.Date"])
            .Must(value => BusinessRules.Date(value) is not { } date || date <= DateOnly.FromDateTime(Domain.Time.JapanTime.FromUtc(clock.GetUtcNow().UtcDateTime)))
            .WithMessage(_ => t["BusinessValidation.FoundedInFuture"]);
        RuleFor(f => f.FiscalYearEndMonth).Must(value => string.IsNullOrEmpty(value) || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12))
            .WithMessage(_ => t["BusinessValidation.Month"]);
        RuleFor(f => f.Website).Must(url => string.IsNullOrWhiteSpace(url)
                || (url.Trim().Length <= 500 && WebAddress.IsHttp(url)))
            .WithMessage(_ => t["BusinessValidation.Website"]);

        void Length(System.Linq.Expressions.Expression<Func<BasicsForm, string?>> field, string name, int max) =>
            RuleFor(field).Must(value => (value?.Trim().Length ?? 0) <= max).WithMessage(_ => t["BusinessValidation.TooLong", t[$"BusinessField.{name}"], max]);
    }
}

public sealed class IndustryFormValidator : AbstractValidator<IndustryForm>
{
    public IndustryFormValidator(IStringLocalizer<SharedResource> t, ReferenceCatalog reference)
    {
        RuleFor(f => f.IndustryMajor).Must(code => reference.Industry(code ?? "") is { Level: "major" })
            .WithMessage(_ => t["BusinessValidation.IndustryMajor"]);
        RuleFor(f => f.IndustryMiddle).Must((form, code) => reference.Industry(code ?? "") is { Level: "middle" } middle && middle.Parent == form.IndustryMajor)
            .WithMessage(_ => t["BusinessValidation.IndustryMiddle"]);
        RuleFor(f => f.IndustryMinor)
            .Must((form, code) => string.IsNullOrEmpty(code) || (reference.Industry(code) is { Level: "minor" } minor && minor.Parent == form.IndustryMiddle))
            .WithMessage(_ => t["BusinessValidation.IndustryMinorMismatch"])
            .Must((form, code) => !string.IsNullOrEmpty(code) || form.IndustryMiddle is null || !reference.HasMinors(form.IndustryMiddle))
            .WithMessage(_ => t["BusinessValidation.IndustryMinorRequired"]);
        RuleFor(f => f.RegularEmployees).Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => t["BusinessValidation.EmployeesRequired"])
            .Must(value => JapaneseInput.TryWhole(value, out var count) && count is >= 0 and <= 10_000_000).WithMessage(_ => t["BusinessValidation.Employees"]);
        RuleFor(f => f.Purposes).Must(purposes => purposes.TrueForAll(p => Enum.TryParse<Purpose>(p, out var purpose) && Enum.IsDefined(purpose)))
            .WithMessage(_ => t["BusinessValidation.Purposes"]);
    }
}
