using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Applications;

using SmePlatform.Web.Features.Notices;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>Where a field's value came from and when: its latest change.</summary>
public sealed record FieldSource(ProfileSource Source, DateTime AtUtc);

/// <summary>
/// The profile's fields as text, and the record of their changes: each saved change of a field adds one
/// <see cref="ProfileChange"/> (who, when, old → new, where the value came from), in the same unit of work.
/// </summary>
public sealed class ProfileHistory(SmeDbContext db, TimeProvider clock)
{
    /// <summary>Every profile field by name, as text (null when empty).</summary>
    public static Dictionary<string, string?> Snapshot(Business b) => new(StringComparer.Ordinal)
    {
        [nameof(Business.LegalForm)] = b.LegalForm.ToString(),
        [nameof(Business.CorporateNumber)] = b.CorporateNumber,
        [nameof(Business.Name)] = b.Name,
        [nameof(Business.NameKana)] = b.NameKana,
        [nameof(Business.PostalCode)] = b.PostalCode,
        [nameof(Business.PrefectureCode)] = b.PrefectureCode,
        [nameof(Business.City)] = b.City,
        [nameof(Business.Street)] = b.Street,
        [nameof(Business.RepresentativeName)] = b.RepresentativeName,
        [nameof(Business.RepresentativeTitle)] = b.RepresentativeTitle,
        [nameof(Business.Phone)] = b.Phone,
        [nameof(Business.Email)] = b.Email,
        [nameof(Business.CapitalYen)] = Invariant(b.CapitalYen),
        [nameof(Business.FoundedOn)] = b.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(Business.FiscalYearEndMonth)] = Invariant(b.FiscalYearEndMonth),
        [nameof(Business.Website)] = b.Website,
        [nameof(Business.IndustryMajor)] = b.IndustryMajor,
        [nameof(Business.IndustryMiddle)] = b.IndustryMiddle,
        [nameof(Business.IndustryMinor)] = b.IndustryMinor,
        [nameof(Business.RegularEmployees)] = Invariant(b.RegularEmployees),
        [nameof(Business.Purposes)] = b.Purposes.Count == 0 ? null : string.Join(',', b.Purposes.Select(p => p.Purpose.ToString()).Order(StringComparer.Ordinal)),
        [nameof(Business.Verification)] = b.Verification.ToString(),
    };

    /// <summary>Adds a change for every field that differs between the two snapshots; returns how many.</summary>
    public int Record(int businessId, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, ProfileSource source, string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = after
            .Where(field => !string.Equals(before.GetValueOrDefault(field.Key), field.Value, StringComparison.Ordinal))
            .Select(field => new ProfileChange
            {
                BusinessId = businessId,
                Field = field.Key,
                OldValue = before.GetValueOrDefault(field.Key),
                NewValue = field.Value,
                Source = source,
                ChangedByUserId = userId,
                ChangedAtUtc = now,
            })
            .ToList();
        db.ProfileChanges.AddRange(changes);
        if (changes.Count > 0)
        {
            PushAfterChange(businessId, now);
        }

        return changes.Count;
    }

    /// <summary>
    /// A changed profile may make the business eligible for open measures it was not before: a match job goes with
    /// the change (one per business per save; the notices' unique key keeps each measure to one notice).
    /// </summary>
    private void PushAfterChange(int businessId, DateTime now)
    {
        var arguments = businessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!db.ChangeTracker.Entries<Data.Messaging.OutboxMessage>().Any(e => e.State == EntityState.Added && e.Entity.Template == PushMatcher.ProfileChanged && e.Entity.Arguments == arguments))
        {
            db.OutboxMessages.Add(PushMatcher.Job(PushMatcher.ProfileChanged, businessId, now));
        }
    }

    /// <summary>Records the removal of a row of an analysis table: each of its fields goes from its value to nothing.</summary>
    public int RecordRemoval(int businessId, IReadOnlyDictionary<string, string?> removed, ProfileSource source, string userId) =>
        Record(businessId, removed, removed.ToDictionary(field => field.Key, _ => (string?)null, StringComparer.Ordinal), source, userId);

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

    private static string? Invariant(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
