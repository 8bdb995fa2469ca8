using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.RegisterBusiness;

/// <summary>
/// Registers a business (<see cref="RegisterBusinessForm"/>, checked by <see cref="RegisterBusinessFormValidator"/>)
/// through <see cref="Business.Register"/>: the registering person becomes its Owner and its first values are recorded
/// as their declaration. Done with the new business's id.
/// </summary>
public sealed class RegisterBusinessHandler(
    SmeDbContext db, IValidator<RegisterBusinessForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<int>> HandleAsync(RegisterBusinessForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        var business = Business.Register(
            Enum.Parse<LegalForm>(form.LegalForm!),
            form.IsCorporation ? CorporateNumber.Normalize(form.CorporateNumber) : null,
            JapaneseInput.Clean(form.Name)!,
            JapaneseInput.Katakana(form.NameKana)!,
            ProfileEditing.SelfDeclared(userId, clock));
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Businesses.Add(business);
                await db.SaveChangesAsync(cancellationToken);
                // Now that it has its id, the second save writes its ProfileChanged to the outbox, in the same transaction.
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException exception) when (business.CorporateNumber is not null && !DatabaseBusy.Is(exception))
        {
            // Two registrations of one number at once: the unique index keeps one; the other hears why.
            db.ChangeTracker.Clear();
            return Outcome.Invalid(nameof(form.CorporateNumber), t["BusinessValidation.CorporateNumberTaken"]);
        }

        return Outcome.Done(business.Id);
    }
}
