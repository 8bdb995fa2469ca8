using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <summary>What the settings page edits: the digest and the muted purposes and measures.</summary>
public sealed class NoticeSettingsForm
{
    [Display(Name = "NoticeSettings.EmailDigest")] public bool EmailDigest { get; set; }
    [Display(Name = "NoticeSettings.MutedPurposes")] public List<string> MutedPurposes { get; set; } = [];
    [Display(Name = "NoticeSettings.MutedMeasures")] public List<string> MutedMeasures { get; set; } = [];

    /// <summary>A purpose as the form sends it (its name), or null for one that is not a purpose.</summary>
    public static Purpose? PurposeOf(string typed) => Enum.TryParse<Purpose>(typed, out var purpose) && Enum.IsDefined(purpose) ? purpose : null;
}

/// <summary>Only purposes can be muted (the page offers nothing else); measures no longer muted are simply not sent.</summary>
public sealed class NoticeSettingsFormValidator : AbstractValidator<NoticeSettingsForm>
{
    public NoticeSettingsFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.MutedPurposes).Must(purposes => purposes.All(p => NoticeSettingsForm.PurposeOf(p) is not null))
            .WithMessage(_ => t["NoticeSettings.UnknownPurpose"]);
}
