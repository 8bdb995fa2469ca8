using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>An officer's name: up to 100 characters.</summary>
public sealed class OfficerFormValidator : AbstractValidator<OfficerForm>
{
    public OfficerFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.Name).Must(name => JapaneseInput.Clean(name) is { Length: <= 100 })
            .WithMessage(_ => t["Ownership.Validation.OfficerName"]).OverridePropertyName("Officer.Name");
}

/// <summary>Adds an officer, recorded as self-declared.</summary>
public sealed class AddOfficerHandler(SmeDbContext db, IValidator<OfficerForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, OfficerForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        if (await db.WithAnalysisAsync(businessId, cancellationToken) is not { } business)
        {
            return Outcome.NotFound;
        }

        business.AddOfficer(
            new OfficerRecord { Name = JapaneseInput.Clean(form.Name)!, AtLargeEnterprise = form.AtLargeEnterprise, AtDeemedLargeFirm = form.AtDeemedLargeFirm },
            ProfileEditing.SelfDeclared(userId, clock));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }
}
