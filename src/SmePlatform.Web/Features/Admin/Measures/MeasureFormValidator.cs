using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Content;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// Everything a measure must satisfy before it is saved: required text, lengths the database holds, a unique
/// URL name, amounts ≥ 0, a window whose end is after its start, known JSIC and prefecture codes, and no link a
/// reader could be harmed by. Each message stands beside its field. The rates and amounts are the measure's terms,
/// kept on their own page (<see cref="TermsForm"/>).
/// </summary>
public sealed class MeasureFormValidator : AbstractValidator<MeasureForm>
{
    /// <summary>The id of the measure being edited (0 for a new one), so its own URL name is not a clash.</summary>
    public const string MeasureIdKey = "MeasureId";

    public MeasureFormValidator(IStringLocalizer<SharedResource> t, SmeDbContext db, ReferenceCatalog reference)
    {
        string Name(string field) => t[$"MeasureField.{field}"];

        RuleFor(f => f.Slug).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["MeasureValidation.Required", Name("Slug")])
            .MaximumLength(100).WithMessage(_ => t["MeasureValidation.TooLong", Name("Slug"), 100])
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage(_ => t["MeasureValidation.SlugFormat"])
            .MustAsync(async (form, slug, context, cancellationToken) =>
            {
                var id = context.RootContextData.TryGetValue(MeasureIdKey, out var value) ? (int)value : 0;
                return !await db.SupportMeasures.AnyAsync(m => m.Slug == slug!.Trim() && m.Id != id, cancellationToken);
            })
            .WithMessage(_ => t["MeasureValidation.SlugTaken"]);

        Text(f => f.TitleJa, "TitleJa", 200, required: true);
        Text(f => f.TitleEn, "TitleEn", 200, required: true);
        Text(f => f.SummaryJa, "SummaryJa", 1000, required: true);
        Text(f => f.SummaryEn, "SummaryEn", 1000, required: true);
        Text(f => f.AgencyJa, "AgencyJa", 200, required: true);
        Text(f => f.AgencyEn, "AgencyEn", 200, required: true);
        Text(f => f.RateTextJa, "RateTextJa", 200, required: false);
        Text(f => f.RateTextEn, "RateTextEn", 200, required: false);
        Text(f => f.ContactJa, "ContactJa", 500, required: false);
        Text(f => f.ContactEn, "ContactEn", 500, required: false);
        Body(f => f.BodyJa, "BodyJa");
        Body(f => f.BodyEn, "BodyEn");

        RuleFor(f => f.Kind).Must(kind => Enum.TryParse<MeasureKind>(kind, out _) && Enum.IsDefined(Enum.Parse<MeasureKind>(kind!)))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("Kind")]);
        RuleFor(f => f.BodyFormat).Must(format => Enum.TryParse<BodyFormat>(format, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("BodyFormat")]);
        RuleFor(f => f.SizeClass).Must(size => Enum.TryParse<SizeClassTarget>(size, out _) && Enum.IsDefined(Enum.Parse<SizeClassTarget>(size!)))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("SizeClass")]);
        RuleFor(f => f.Purposes).Must(purposes => purposes.Count > 0 && purposes.TrueForAll(p => Enum.TryParse<Purpose>(p, out var purpose) && Enum.IsDefined(purpose)))
            .WithMessage(_ => t["MeasureValidation.PurposesRequired"]);

        Amount(f => f.MinAmountYen, "MinAmountYen");
        Amount(f => f.MaxAmountYen, "MaxAmountYen");
        RuleFor(f => f.MinAmountYen)
            .Must((form, _) => !(FormNumber(form.MinAmountYen) is { } min && FormNumber(form.MaxAmountYen) is { } max && min > max))
            .WithMessage(_ => t["MeasureValidation.MinAboveMax"]);
        // A subsidy's amounts come from its terms: typed here they would be silently ignored, so they are refused.
        RuleFor(f => f.MaxAmountYen)
            .Must((form, _) => !(Enum.TryParse<MeasureKind>(form.Kind, out var kind) && kind.HasTerms())
                || (string.IsNullOrWhiteSpace(form.MinAmountYen) && string.IsNullOrWhiteSpace(form.MaxAmountYen)))
            .WithMessage(_ => t["MeasureValidation.AmountsForTerms"]);

        RuleFor(f => f.MaxEmployees).Must(value => FormNumber(value) is null or >= 1 && JapaneseInput.TryWhole(value, out _) && FitsInt(value))
            .WithMessage(_ => t["MeasureValidation.MaxEmployees"]);

        Amount(f => f.MaxCapitalYen, "MaxCapitalYen");
        Years(f => f.MinYearsSinceFounding, "MinYearsSinceFounding");
        Years(f => f.MaxYearsSinceFounding, "MaxYearsSinceFounding");
        RuleFor(f => f.MaxYearsSinceFounding)
            .Must((form, _) => !(FormNumber(form.MinYearsSinceFounding) is { } min && FormNumber(form.MaxYearsSinceFounding) is { } max && min >= max))
            .WithMessage(_ => t["MeasureValidation.FoundingRange"]);
        RuleFor(f => f.LegalForm).Must(form => string.IsNullOrEmpty(form) || (Enum.TryParse<LegalForm>(form, out var parsed) && Enum.IsDefined(parsed)))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("LegalForm")]);
        RuleFor(f => f.DeemedLarge).Must(rule => Enum.TryParse<DeemedLargeExclusion>(rule, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("DeemedLarge")]);
        RuleFor(f => f.WarnOnly).Must(kinds => kinds.TrueForAll(k => Enum.TryParse<RuleKind>(k, out var kind) && Enum.IsDefined(kind)))
            .WithMessage(_ => t["MeasureValidation.Choose", Name("WarnOnly")]);

        Date(f => f.StartDate, "StartDate");
        Date(f => f.EndDate, "EndDate");
        Time(f => f.StartTime, "StartTime");
        Time(f => f.EndTime, "EndTime");
        RuleFor(f => f.EndDate)
            .Must((form, _) => string.IsNullOrWhiteSpace(form.StartDate) == string.IsNullOrWhiteSpace(form.EndDate))
            .WithMessage(_ => t["MeasureValidation.WindowBoth"])
            .Must((form, _) => Window(form) is not ({ } start, { } end) || end > start)
            .WithMessage(_ => t["MeasureValidation.WindowOrder"]);

        RuleFor(f => f.OfficialUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(500).WithMessage(_ => t["MeasureValidation.TooLong", Name("OfficialUrl"), 500])
            .Must(url => string.IsNullOrWhiteSpace(url)
                || WebAddress.IsHttp(url))
            .WithMessage(_ => t["MeasureValidation.Url"]);

        RuleFor(f => f.Industries).Custom((typed, context) =>
        {
            foreach (var code in MeasureForm.Codes(typed).Where(code => reference.Industry(code) is null))
            {
                context.AddFailure(nameof(MeasureForm.Industries), t["MeasureValidation.UnknownIndustry", code]);
            }
        });
        // A blank choice (posted by hand: the page's checkboxes all have codes) is no region either.
        RuleFor(f => f.Regions).Must(codes => codes.TrueForAll(code => code is not null && reference.Prefecture(code) is not null))
            .WithMessage(_ => t["MeasureValidation.UnknownRegion"]);

        void Text(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name, int max, bool required)
        {
            RuleFor(field).Cascade(CascadeMode.Stop)
                .Must(value => !required || !string.IsNullOrWhiteSpace(value)).WithMessage(_ => t["MeasureValidation.Required", Name(name)])
                .Must(value => (value?.Trim().Length ?? 0) <= max).WithMessage(_ => t["MeasureValidation.TooLong", Name(name), max]);
        }

        void Body(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name)
        {
            RuleFor(field).Cascade(CascadeMode.Stop)
                .Must(value => (value?.Length ?? 0) <= 20_000).WithMessage(_ => t["MeasureValidation.TooLong", Name(name), 20_000])
                .Custom((value, context) =>
                {
                    // HTML bodies are cleaned by the sanitiser when shown; Markdown links are checked here.
                    if (context.InstanceToValidate.BodyFormat == nameof(BodyFormat.Html))
                    {
                        return;
                    }

                    foreach (var link in Markdown.UnsafeLinks(value))
                    {
                        context.AddFailure(name, t["MeasureValidation.UnsafeLink", link]);
                    }
                });
        }

        void Amount(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name)
        {
            RuleFor(field).Cascade(CascadeMode.Stop)
                .Must(value => JapaneseInput.TryWhole(value, out _)).WithMessage(_ => t["MeasureValidation.Number", Name(name)])
                .Must(value => FormNumber(value) is null or >= 0).WithMessage(_ => t["MeasureValidation.NotNegative", Name(name)]);
        }

        void Years(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name) =>
            RuleFor(field).Must(value => JapaneseInput.TryWhole(value, out var years) && years is null or (>= 1 and <= 200))
                .WithMessage(_ => t["MeasureValidation.Years", Name(name)]);

        void Date(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name) =>
            RuleFor(field).Must(value => string.IsNullOrWhiteSpace(value)
                    || DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage(_ => t["MeasureValidation.Date", Name(name)]);

        void Time(System.Linq.Expressions.Expression<Func<MeasureForm, string?>> field, string name) =>
            RuleFor(field).Must(value => string.IsNullOrWhiteSpace(value)
                    || TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage(_ => t["MeasureValidation.Time", Name(name)]);
    }

    private static long? FormNumber(string? typed) => JapaneseInput.TryWhole(typed, out var value) ? value : null;

    private static bool FitsInt(string? typed) => FormNumber(typed) is null or <= int.MaxValue;

    private static bool IsCount(string? typed) => JapaneseInput.TryWhole(typed, out var value) && value is null or (>= 1 and <= 10_000);

    private static (DateTime? Start, DateTime? End) Window(MeasureForm form)
    {
        try
        {
            return (MeasureForm.Instant(form.StartDate, form.StartTime, "00:00"), MeasureForm.Instant(form.EndDate, form.EndTime, MeasureForm.DefaultClosingTime));
        }
        catch (FormatException)
        {
            // A malformed date or time has its own message; the order of the window is not judged then.
            return (null, null);
        }
    }
}
