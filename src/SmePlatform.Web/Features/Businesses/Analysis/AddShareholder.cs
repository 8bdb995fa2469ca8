using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>A holder's name (up to 200 characters) and share (a percent with up to two decimals, above 0, at most 100).</summary>
public sealed class ShareholderFormValidator : AbstractValidator<ShareholderForm>
{
    public ShareholderFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.HolderName).Must(name => JapaneseInput.Clean(name) is { Length: <= 200 })
            .WithMessage(_ => t["Ownership.Validation.Name"]).OverridePropertyName("Shareholder.HolderName");
        RuleFor(f => f.SharePercent).Must(share => ShareholderForm.BasisPoints(share) is not null)
            .WithMessage(_ => t["Ownership.Validation.Share"]).OverridePropertyName("Shareholder.SharePercent");
    }
}

/// <summary>Adds a shareholder, recorded as self-declared; refused when the shares would come to more than 100 %.</summary>
public sealed class AddShareholderHandler(SmeDbContext db, IValidator<ShareholderForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, ShareholderForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await db.WithAnalysisAsync(businessId, cancellationToken) is not { } business)
        {
            return Outcome.NotFound;
        }

        var failures = (await validator.ValidateAsync(form, cancellationToken)).Errors;
        var points = ShareholderForm.BasisPoints(form.SharePercent);
        if (points is { } share && business.Shareholders.Sum(s => s.ShareBasisPoints) + share > 10_000)
        {
            failures.Add(new ValidationFailure("Shareholder.SharePercent", t["Ownership.Validation.Total"]));
        }

        if (failures.Count > 0)
        {
            return Outcome.Invalid(failures);
        }

        business.AddShareholder(
            new ShareholderRecord { HolderName = JapaneseInput.Clean(form.HolderName)!, ShareBasisPoints = points!.Value, IsLargeEnterprise = form.IsLargeEnterprise, IsDeemedLarge = form.IsDeemedLarge },
            ProfileEditing.SelfDeclared(userId, clock));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }
}
