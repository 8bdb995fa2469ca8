using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>Where a field's value came from and when: its latest change.</summary>
public sealed record FieldSource(ProfileSource Source, DateTime AtUtc);

/// <summary>
/// Reading the record of the profile's changes: where each field's value came from, and how the record names fields
/// and values for people. The record itself is written by <see cref="Business"/>, with each change.
/// </summary>
public sealed class ProfileHistory(SmeDbContext db)
{
    /// <summary>Each field's provenance: the source and time of its latest change.</summary>
    public async Task<Dictionary<string, FieldSource>> SourcesAsync(int businessId, CancellationToken cancellationToken = default)
    {
        var latest = await db.ProfileChanges.AsNoTracking()
            .Where(c => c.BusinessId == businessId)
            .GroupBy(c => c.Field)
            .Select(g => g.OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id).Select(c => new { c.Field, c.Source, c.ChangedAtUtc }).First())
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(c => c.Field, c => new FieldSource(c.Source, c.ChangedAtUtc), StringComparer.Ordinal);
    }

    /// <summary>
    /// A field of the record as people read it: the profile page's label; a field of an analysis table with its row
    /// ("FinancialYear[2026-03-31].Sales" → 売上高（2026-03-31）, "Shareholder[name]" → 株主（name）).
    /// </summary>
    public static string FieldName(string field, IStringLocalizer t)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return field.Contains('.', StringComparison.Ordinal) ? t[field].Value : t["BusinessField." + field].Value;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var row = field[(open + 1)..close];
        var name = field[..open];
        return close + 1 < field.Length
            ? t["Business.FieldRow", t["FinancialField." + field[(close + 2)..]], row].Value
            : t["Business.FieldRow", t["Ownership." + name], row].Value;
    }

    /// <summary>
    /// A value of the record as people read it: a field of the profile itself as the profile page shows it (the phone with
    /// its hyphens, the legal form by its label, <see cref="ProfileValue"/>); a row's figure as stored.
    /// </summary>
    public static string ValueText(string field, string value, IStringLocalizer t, ReferenceCatalog reference) =>
        field.Contains('[', StringComparison.Ordinal) ? value : ProfileValue.Show(field, value, t, reference);
}
