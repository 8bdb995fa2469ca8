using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>A profile value as an application form receives it: the value, where it came from and when.</summary>
public sealed record PrefillValue(string Value, ProfileSource? Source, DateTime? AtUtc);

/// <summary>
/// Once-only for the Applications issue: the current value of every profile field a form may ask for, with its
/// provenance. Changing a value goes back to the profile through <see cref="ProfileWriteBack"/>.
/// </summary>
public sealed class ProfilePrefill(ProfileHistory history)
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

    /// <summary>The profile's values with where each came from, for the business as the caller has already read it.</summary>
    public async Task<IReadOnlyDictionary<string, PrefillValue>> ValuesAsync(Business business, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(business);
        var sources = await history.SourcesAsync(business.Id, cancellationToken);
        var snapshot = business.ProfileSnapshot();
        return Fields
            .Where(field => snapshot[field] is not null)
            .ToDictionary(
                field => field,
                field => sources.TryGetValue(field, out var source)
                    ? new PrefillValue(snapshot[field]!, source.Source, source.AtUtc)
                    : new PrefillValue(snapshot[field]!, null, null),
                StringComparer.Ordinal);
    }
}
