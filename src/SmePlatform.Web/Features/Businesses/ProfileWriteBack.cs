using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>The outcome of a write-back: the fields refused, with their messages (none when it was saved).</summary>
public sealed record WriteBackResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>
/// Write-back for the Applications issue: values the applicant changed in an application, once confirmed, go to the
/// profile through the same validators as the profile's own pages, recorded as coming from an application. Apart from
/// <see cref="ProfilePrefill"/>, so that the pages which only read the profile do not build the validators.
/// </summary>
public sealed class ProfileWriteBack(
    SmeDbContext db, IValidator<BasicsForm> basicsValidator, IValidator<IndustryForm> industryValidator, TimeProvider clock)
{
    private static readonly HashSet<string> BasicsFields = [.. typeof(BasicsForm).GetProperties().Select(p => p.Name)];
    private static readonly HashSet<string> IndustryFields = [.. typeof(IndustryForm).GetProperties().Select(p => p.Name)];

    /// <summary>Checks values an applicant wants to change, with the profile's own validators; nothing is saved.</summary>
    public async Task<WriteBackResult> CheckAsync(int businessId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default) =>
        new((await PrepareAsync(businessId, changes, tracked: false, cancellationToken)).Errors);

    /// <summary>Writes confirmed values back to the profile, all or none; the fields are those of <see cref="ProfilePrefill.Fields"/>.</summary>
    public async Task<WriteBackResult> WriteBackAsync(int businessId, IReadOnlyDictionary<string, string?> confirmed, string userId, CancellationToken cancellationToken = default)
    {
        var (business, basics, industry, errors) = await PrepareAsync(businessId, confirmed, tracked: true, cancellationToken);
        if (errors.Count > 0)
        {
            return new WriteBackResult(errors);
        }

        var source = new ChangeSource(ProfileSource.FromApplication, userId, clock.GetUtcNow().UtcDateTime);
        var touchesIndustry = TouchesIndustry(confirmed);
        if (business.Change(draft => { basics.ApplyTo(draft); if (touchesIndustry) { industry.ApplyTo(draft); } }, source) > 0)
        {
            business.Version++;
            business.UpdatedAtUtc = source.AtUtc;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new WriteBackResult(new Dictionary<string, string>());
    }

    private static bool TouchesIndustry(IReadOnlyDictionary<string, string?> changes) => changes.Keys.Any(IndustryFields.Contains);

    private async Task<(Business Business, BasicsForm Basics, IndustryForm Industry, Dictionary<string, string> Errors)> PrepareAsync(
        int businessId, IReadOnlyDictionary<string, string?> changes, bool tracked, CancellationToken cancellationToken)
    {
        var unknown = changes.Keys.Where(field => !ProfilePrefill.Fields.Contains(field) || field == nameof(Business.CorporateNumber)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not profile fields an application may change: {string.Join(", ", unknown)}", nameof(changes));
        }

        var business = await (tracked ? db.Businesses : db.Businesses.AsNoTracking()).FirstAsync(b => b.Id == businessId, cancellationToken);
        var basics = BasicsForm.From(business);
        var industry = IndustryForm.From(business);
        foreach (var (field, value) in changes)
        {
            object form = BasicsFields.Contains(field) ? basics : industry;
            form.GetType().GetProperty(field)!.SetValue(form, value);
        }

        // The industry group is checked only when it is being changed: a profile without an industry can still take an address.
        var failures = (await basicsValidator.ValidateAsync(basics, cancellationToken)).Errors.ToList();
        if (TouchesIndustry(changes))
        {
            failures.AddRange((await industryValidator.ValidateAsync(industry, cancellationToken)).Errors);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        }

        return (business, basics, industry, errors);
    }
}
