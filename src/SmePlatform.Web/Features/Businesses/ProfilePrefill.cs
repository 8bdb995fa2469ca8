using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>A profile value as an application form receives it: the value, where it came from and when.</summary>
public sealed record PrefillValue(string Value, ProfileSource? Source, DateTime? AtUtc);

/// <summary>The outcome of a write-back: the fields refused, with their messages (none when it was saved).</summary>
public sealed record WriteBackResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>
/// Once-only for the Applications issue: the current value of every profile field a form may ask for, with its
/// provenance; and write-back — values the applicant changed in an application, once confirmed, go to the profile
/// through the same validators as the profile's own pages, recorded as coming from an application.
/// </summary>
public sealed class ProfilePrefill(
    SmeDbContext db, ProfileHistory history, IValidator<BasicsForm> basicsValidator, IValidator<IndustryForm> industryValidator, TimeProvider clock)
{
    /// <summary>The fields an application form may take from the profile, in the order forms show them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        nameof(Business.Name), nameof(Business.NameKana), nameof(Business.CorporateNumber), nameof(Business.PostalCode),
        nameof(Business.PrefectureCode), nameof(Business.City), nameof(Business.Street), nameof(Business.RepresentativeName),
        nameof(Business.RepresentativeTitle), nameof(Business.Phone), nameof(Business.Email), nameof(Business.CapitalYen),
        nameof(Business.FoundedOn), nameof(Business.FiscalYearEndMonth), nameof(Business.Website), nameof(Business.IndustryMajor),
        nameof(Business.IndustryMiddle), nameof(Business.IndustryMinor), nameof(Business.RegularEmployees),
    ];

    private static readonly HashSet<string> BasicsFields = [.. typeof(BasicsForm).GetProperties().Select(p => p.Name)];
    private static readonly HashSet<string> IndustryFields = [.. typeof(IndustryForm).GetProperties().Select(p => p.Name)];

    /// <summary>The profile's values with where each came from, for the business as the caller has already read it.</summary>
    public async Task<IReadOnlyDictionary<string, PrefillValue>> ValuesAsync(Business business, CancellationToken cancellationToken = default)
    {
        var sources = await history.SourcesAsync(business.Id, cancellationToken);
        var snapshot = ProfileHistory.Snapshot(business);
        return Fields
            .Where(field => snapshot[field] is not null)
            .ToDictionary(
                field => field,
                field => sources.TryGetValue(field, out var source)
                    ? new PrefillValue(snapshot[field]!, source.Source, source.AtUtc)
                    : new PrefillValue(snapshot[field]!, null, null),
                StringComparer.Ordinal);
    }

    /// <summary>Checks values an applicant wants to change, with the profile's own validators; nothing is saved.</summary>
    public async Task<WriteBackResult> CheckAsync(int businessId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default) =>
        new((await PrepareAsync(businessId, changes, tracked: false, cancellationToken)).Errors);

    /// <summary>Writes confirmed values back to the profile, all or none; the fields are those of <see cref="Fields"/>.</summary>
    public async Task<WriteBackResult> WriteBackAsync(int businessId, IReadOnlyDictionary<string, string?> confirmed, string userId, CancellationToken cancellationToken = default)
    {
        var (business, basics, industry, errors) = await PrepareAsync(businessId, confirmed, tracked: true, cancellationToken);
        if (errors.Count > 0)
        {
            return new WriteBackResult(errors);
        }

        var before = ProfileHistory.Snapshot(business);
        basics.ApplyTo(business);
        if (TouchesIndustry(confirmed))
        {
            industry.ApplyTo(business);
        }

        if (history.Record(businessId, before, ProfileHistory.Snapshot(business), ProfileSource.FromApplication, userId) > 0)
        {
            business.Version++;
            business.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new WriteBackResult(new Dictionary<string, string>());
    }

    private static bool TouchesIndustry(IReadOnlyDictionary<string, string?> changes) => changes.Keys.Any(IndustryFields.Contains);

    private async Task<(Business Business, BasicsForm Basics, IndustryForm Industry, Dictionary<string, string> Errors)> PrepareAsync(
        int businessId, IReadOnlyDictionary<string, string?> changes, bool tracked, CancellationToken cancellationToken)
    {
        var unknown = changes.Keys.Where(field => !Fields.Contains(field) || field == nameof(Business.CorporateNumber)).ToList();
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
