using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Review.Decide;

/// <summary>What a reviewer decides on an application under review.</summary>
public enum ReviewDecision
{
    Return,
    Select,
    NotSelect,
}

/// <summary>A reviewer's decision: return (with a reason per field and a deadline), select or not select; a reason always.</summary>
public sealed class DecisionForm
{
    [Display(Name = "Review.Decision")] public string? Decision { get; set; }
    [Display(Name = "Review.Reason")] public string? Reason { get; set; }
    [Display(Name = "Review.CorrectionDue")] public string? CorrectionDue { get; set; }
    public List<FieldReasonForm> Fields { get; set; } = [];
    public int Version { get; set; }

    public const int FieldRows = 3;

    public ReviewDecision? Parsed => Enum.TryParse<ReviewDecision>(Decision, out var decision) && !int.TryParse(Decision, out _) ? decision : null;
}

public sealed class FieldReasonForm
{
    [Display(Name = "Review.Field")] public string? Key { get; set; }
    [Display(Name = "Review.FieldReason")] public string? Reason { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Reason);
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator(IStringLocalizer<SharedResource> t, TimeProvider clock)
    {
        RuleFor(f => f.Decision).Must(d => new DecisionForm { Decision = d }.Parsed is not null).WithMessage(t["Review.Validation.Decision"]);
        RuleFor(f => f.Reason).NotEmpty().WithMessage(t["Review.Validation.Reason"]).MaximumLength(2000).WithMessage(t["Review.Validation.TooLong", 2000]);
        When(f => f.Parsed == ReviewDecision.Return, () =>
        {
            RuleFor(f => f.CorrectionDue)
                .Must(v => FieldInput.TryDate(v, out var date) && date > Domain.Time.JapanTime.DateOf(clock.GetUtcNow().UtcDateTime))
                .WithMessage(t["Review.Validation.CorrectionDue"]);
            RuleFor(f => f.Fields).Must(rows => rows.Any(r => !r.IsBlank)).WithMessage(t["Review.Validation.FieldReasons"]).OverridePropertyName("Fields[0].Key");
            RuleForEach(f => f.Fields).Where(r => !r.IsBlank).ChildRules(row =>
            {
                row.RuleFor(r => r.Key).NotEmpty().WithMessage(t["Review.Validation.Field"]);
                row.RuleFor(r => r.Reason).NotEmpty().WithMessage(t["Review.Validation.FieldReason"]).MaximumLength(1000).WithMessage(t["Review.Validation.TooLong", 1000]);
            });
        });
    }
}
