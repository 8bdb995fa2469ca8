using System.Globalization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data.Businesses;

public enum VerificationState
{
    Unverified,
    Verified,
}

/// <summary>How staff confirmed that the registering person speaks for the business.</summary>
public enum VerificationEvidence
{
    /// <summary>An uploaded certificate of registered matters (登記事項証明書).</summary>
    RegistryCertificate,
    /// <summary>A code sent by post to the registered address and typed back.</summary>
    MailedCode,
}

/// <summary>
/// A business (事業者): a corporation or a sole proprietor, and its once-only profile. The basics every form
/// reuses and the facts recommendations read are columns here; what a business has many of (purposes, members,
/// and later financial years, shareholders, officers) are tables of their own.
/// <para>
/// The profile guards its one rule, "every change is recorded with its source": its values have private setters
/// and change only through this type's methods (<see cref="Register"/>, <see cref="Change"/>, <see cref="Verify"/>
/// and the analysis rows' add, save and remove), each of which records every changed item as a
/// <see cref="ProfileChange"/> (who, when, old → new, where from) saved with it, and raises
/// <see cref="ProfileChanged"/>, which the save writes to the outbox (push matching starts from it). A path that
/// skips the record does not compile.
/// </para>
/// </summary>
public class Business : IVersioned, IRaisesDomainEvents
{
    private static readonly IReadOnlyDictionary<string, string?> Nothing = new Dictionary<string, string?>(StringComparer.Ordinal);

    private List<BusinessPurpose> _purposes = [];
    private readonly List<FinancialYear> _financialYears = [];
    private readonly List<ShareholderRecord> _shareholders = [];
    private readonly List<OfficerRecord> _officers = [];

    /// <summary>When the first change not yet handed over as an event was made (one event per save).</summary>
    private DateTime? _changedAtUtc;

    /// <summary>For EF Core: a business is made by <see cref="Register"/>.</summary>
    private Business()
    {
    }

    public int Id { get; private set; }

    public LegalForm LegalForm { get; private set; }

    /// <summary>13 digits, check digit valid; unique when set. Sole proprietors have none.</summary>
    public string? CorporateNumber { get; private set; }

    public VerificationState Verification { get; private set; }
    public VerificationEvidence? VerificationEvidence { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string? VerifiedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Raised by every change: a save based on an older version is refused.</summary>
    public int Version { get; set; }

    // Basics reused in every form.
    public string Name { get; private set; } = "";
    public string NameKana { get; private set; } = "";
    public string? PostalCode { get; private set; }
    public string? PrefectureCode { get; private set; }
    public string? City { get; private set; }
    public string? Street { get; private set; }
    public string? RepresentativeName { get; private set; }
    public string? RepresentativeTitle { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public long? CapitalYen { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public int? FiscalYearEndMonth { get; private set; }
    public string? Website { get; private set; }

    // What recommendations read.
    public string? IndustryMajor { get; private set; }
    public string? IndustryMiddle { get; private set; }
    public string? IndustryMinor { get; private set; }
    public int? RegularEmployees { get; private set; }
    public IReadOnlyList<BusinessPurpose> Purposes => _purposes;

    /// <summary>Who acts for the business: not profile items (the Owner's member pages and staff change them).</summary>
    public List<BusinessMember> Members { get; set; } = [];

    // Analysis data: tables of their own, and the activities as columns of this one.
    public IReadOnlyList<FinancialYear> FinancialYears => _financialYears;
    public IReadOnlyList<ShareholderRecord> Shareholders => _shareholders;
    public IReadOnlyList<OfficerRecord> Officers => _officers;
    public BusinessActivities Activities { get; private set; } = new();

    /// <summary>The changes recorded since the business was read: inserted with it (mapped, never read through here).</summary>
    private List<ProfileChange> RecordedChanges { get; } = [];

    public IndustryCode? Industry => IndustryCode.Of(IndustryMajor, IndustryMiddle, IndustryMinor);

    public BusinessFacts Facts => new(LegalForm, Industry, CapitalYen, RegularEmployees);

    /// <summary>
    /// Registers a business: the registering person (<paramref name="source"/>) becomes its Owner, and its first
    /// values are recorded as their declaration. Its <see cref="ProfileChanged"/> is handed over by the save after the
    /// one that gave it its id (registration saves twice, in one transaction).
    /// </summary>
    public static Business Register(LegalForm legalForm, string? corporateNumber, string name, string nameKana, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var business = new Business
        {
            LegalForm = legalForm,
            CorporateNumber = corporateNumber,
            Name = name,
            NameKana = nameKana,
            Verification = VerificationState.Unverified,
            CreatedAtUtc = source.AtUtc,
            UpdatedAtUtc = source.AtUtc,
            Members = [new BusinessMember { UserId = source.UserId, Role = MemberRole.Owner, CanSubmit = true, JoinedAtUtc = source.AtUtc }],
        };
        business.Record(Nothing, business.ProfileSnapshot(), source);
        return business;
    }

    /// <summary>
    /// Changes the profile's values: <paramref name="edit"/> sets them on a draft holding the current ones; each that
    /// differs afterwards is applied and recorded. The number of items changed (0: nothing to save).
    /// </summary>
    public int Change(Action<ProfileDraft> edit, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var before = ProfileSnapshot();
        var draft = new ProfileDraft(this);
        edit(draft);
        (Name, NameKana, PostalCode, PrefectureCode, City, Street) = (draft.Name, draft.NameKana, draft.PostalCode, draft.PrefectureCode, draft.City, draft.Street);
        (RepresentativeName, RepresentativeTitle, Phone, Email, Website) = (draft.RepresentativeName, draft.RepresentativeTitle, draft.Phone, draft.Email, draft.Website);
        (CapitalYen, FoundedOn, FiscalYearEndMonth, RegularEmployees) = (draft.CapitalYen, draft.FoundedOn, draft.FiscalYearEndMonth, draft.RegularEmployees);
        (IndustryMajor, IndustryMiddle, IndustryMinor) = (draft.IndustryMajor, draft.IndustryMiddle, draft.IndustryMinor);

        // The owned rows are replaced only when the set changed: new rows with the keys of tracked ones would clash.
        var purposes = draft.Purposes.Distinct().Order().ToList();
        if (!purposes.SequenceEqual(_purposes.Select(p => p.Purpose).Order()))
        {
            _purposes = [.. purposes.Select(p => new BusinessPurpose { Purpose = p })];
        }

        return Record(before, ProfileSnapshot(), source);
    }

    /// <summary>Staff confirmed the business with <paramref name="evidence"/>; false when it already was (nothing changes).</summary>
    public bool Verify(VerificationEvidence evidence, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Verification == VerificationState.Verified)
        {
            return false;
        }

        var before = ProfileSnapshot();
        Verification = VerificationState.Verified;
        VerificationEvidence = evidence;
        VerifiedAtUtc = source.AtUtc;
        VerifiedByUserId = source.UserId;
        Version++;
        Record(before, ProfileSnapshot(), source);
        return true;
    }

    /// <summary>
    /// Saves a fiscal year's statements: a new closing date adds a year; a known one has its figures replaced by these
    /// (the row is replaced, when any figure differs). Each figure changed is recorded.
    /// </summary>
    public void SaveFinancialYear(FinancialYear year, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(year);
        var existing = _financialYears.FirstOrDefault(y => y.ClosingDate == year.ClosingDate);
        if (Record(existing?.HistoryFields() ?? Nothing, year.HistoryFields(), source) == 0 && existing is not null)
        {
            return;
        }

        if (existing is not null)
        {
            _financialYears.Remove(existing);
        }

        _financialYears.Add(year);
    }

    /// <summary>Removes a fiscal year (its figures recorded as gone); false when the business has none of that id.</summary>
    public bool RemoveFinancialYear(int yearId, ChangeSource source) => Remove(_financialYears, y => y.Id == yearId, y => y.HistoryFields(), source);

    public void AddShareholder(ShareholderRecord holder, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(holder);
        Record(Nothing, holder.HistoryFields(), source);
        _shareholders.Add(holder);
    }

    public bool RemoveShareholder(int shareholderId, ChangeSource source) => Remove(_shareholders, s => s.Id == shareholderId, s => s.HistoryFields(), source);

    public void AddOfficer(OfficerRecord officer, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(officer);
        Record(Nothing, officer.HistoryFields(), source);
        _officers.Add(officer);
    }

    public bool RemoveOfficer(int officerId, ChangeSource source) => Remove(_officers, o => o.Id == officerId, o => o.HistoryFields(), source);

    /// <summary>Replaces the intellectual property, overseas and R&amp;D figures; the number of items changed.</summary>
    public int ChangeActivities(BusinessActivities activities, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var changed = Record(Activities.HistoryFields(), activities.HistoryFields(), source);
        if (changed > 0)
        {
            Activities = activities;
        }

        return changed;
    }

    /// <summary>Every profile field by name, as text (null when empty): what the history compares and prefill offers.</summary>
    public IReadOnlyDictionary<string, string?> ProfileSnapshot() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [nameof(LegalForm)] = LegalForm.ToString(),
        [nameof(CorporateNumber)] = CorporateNumber,
        [nameof(Name)] = Name,
        [nameof(NameKana)] = NameKana,
        [nameof(PostalCode)] = PostalCode,
        [nameof(PrefectureCode)] = PrefectureCode,
        [nameof(City)] = City,
        [nameof(Street)] = Street,
        [nameof(RepresentativeName)] = RepresentativeName,
        [nameof(RepresentativeTitle)] = RepresentativeTitle,
        [nameof(Phone)] = Phone,
        [nameof(Email)] = Email,
        [nameof(CapitalYen)] = ProfileText.Of(CapitalYen),
        [nameof(FoundedOn)] = FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(FiscalYearEndMonth)] = ProfileText.Of(FiscalYearEndMonth),
        [nameof(Website)] = Website,
        [nameof(IndustryMajor)] = IndustryMajor,
        [nameof(IndustryMiddle)] = IndustryMiddle,
        [nameof(IndustryMinor)] = IndustryMinor,
        [nameof(RegularEmployees)] = ProfileText.Of(RegularEmployees),
        [nameof(Purposes)] = _purposes.Count == 0 ? null : string.Join(',', _purposes.Select(p => p.Purpose.ToString()).Order(StringComparer.Ordinal)),
        [nameof(Verification)] = Verification.ToString(),
    };

    /// <summary>
    /// The <see cref="ProfileChanged"/> of the changes since the last call; none while the business has no id yet (the
    /// save after the one that inserts it hands it over).
    /// </summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        if (_changedAtUtc is not { } at || Id == 0)
        {
            return [];
        }

        _changedAtUtc = null;
        return [new ProfileChanged(Id, at)];
    }

    private bool Remove<T>(List<T> rows, Func<T, bool> which, Func<T, IReadOnlyDictionary<string, string?>> fields, ChangeSource source)
    {
        var row = rows.FirstOrDefault(which);
        if (row is null)
        {
            return false;
        }

        var removed = fields(row);
        Record(removed, removed.ToDictionary(field => field.Key, _ => (string?)null, StringComparer.Ordinal), source);
        rows.Remove(row);
        return true;
    }

    /// <summary>Adds a change for every item that differs between the two snapshots; how many.</summary>
    private int Record(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, ChangeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var changes = after
            .Where(field => !string.Equals(before.GetValueOrDefault(field.Key), field.Value, StringComparison.Ordinal))
            .Select(field => new ProfileChange
            {
                Field = field.Key,
                OldValue = before.GetValueOrDefault(field.Key),
                NewValue = field.Value,
                Source = source.Kind,
                ChangedByUserId = source.UserId,
                ChangedAtUtc = source.AtUtc,
            })
            .ToList();
        RecordedChanges.AddRange(changes);
        if (changes.Count > 0)
        {
            _changedAtUtc ??= source.AtUtc;
        }

        return changes.Count;
    }
}

/// <summary>Where a profile change comes from: its kind, the person, and the instant.</summary>
public sealed record ChangeSource(ProfileSource Kind, string UserId, DateTime AtUtc);

/// <summary>
/// The profile's editable values, holding the current ones, for <see cref="Business.Change"/> to set: a form applies
/// itself to a draft, and the business takes what differs (and records it).
/// </summary>
public sealed class ProfileDraft
{
    internal ProfileDraft(Business b)
    {
        (Name, NameKana, PostalCode, PrefectureCode, City, Street) = (b.Name, b.NameKana, b.PostalCode, b.PrefectureCode, b.City, b.Street);
        (RepresentativeName, RepresentativeTitle, Phone, Email, Website) = (b.RepresentativeName, b.RepresentativeTitle, b.Phone, b.Email, b.Website);
        (CapitalYen, FoundedOn, FiscalYearEndMonth, RegularEmployees) = (b.CapitalYen, b.FoundedOn, b.FiscalYearEndMonth, b.RegularEmployees);
        (IndustryMajor, IndustryMiddle, IndustryMinor) = (b.IndustryMajor, b.IndustryMiddle, b.IndustryMinor);
        Purposes = [.. b.Purposes.Select(p => p.Purpose)];
    }

    public string Name { get; set; } = "";
    public string NameKana { get; set; } = "";
    public string? PostalCode { get; set; }
    public string? PrefectureCode { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeTitle { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public long? CapitalYen { get; set; }
    public DateOnly? FoundedOn { get; set; }
    public int? FiscalYearEndMonth { get; set; }
    public string? Website { get; set; }
    public string? IndustryMajor { get; set; }
    public string? IndustryMiddle { get; set; }
    public string? IndustryMinor { get; set; }
    public int? RegularEmployees { get; set; }
    public IReadOnlyCollection<Purpose> Purposes { get; set; } = [];

    /// <summary>Makes the purposes exactly these.</summary>
    public void SetPurposes(IEnumerable<Purpose> purposes) => Purposes = [.. purposes];
}

/// <summary>
/// "The profile changed" (<see cref="Business"/>): written to the outbox with the change, in the same transaction;
/// from it the outbox's dispatcher starts the push matching of the business against the open measures.
/// </summary>
public sealed record ProfileChanged(int BusinessId, DateTime AtUtc) : IDomainEvent
{
    public const string EventName = "ProfileChanged";

    public string Name => EventName;

    public IReadOnlyList<string> Arguments => [BusinessId.ToString(CultureInfo.InvariantCulture)];
}

internal static class ProfileText
{
    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A purpose the business pursues (owned by <see cref="Business"/>, changed through it).</summary>
public class BusinessPurpose
{
    public int BusinessId { get; init; }
    public Purpose Purpose { get; init; }
}

public enum MemberRole
{
    Owner,
    Member,
}

/// <summary>A person's membership of a business: the Owner (like a gBizID Prime holder) or a Member the Owner invited.</summary>
public class BusinessMember
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public string UserId { get; set; } = "";
    public MemberRole Role { get; set; }

    /// <summary>A Member may draft; with this right also submit. The Owner always may.</summary>
    public bool CanSubmit { get; set; }

    public DateTime JoinedAtUtc { get; set; }

    /// <summary>Submitting needs a verified business and the right to submit.</summary>
    public bool MaySubmitFor(Business business) =>
        business.Verification == VerificationState.Verified && (Role == MemberRole.Owner || CanSubmit);
}

public enum ProfileSource
{
    SelfDeclared,
    FromApplication,
    VerifiedByStaff,
}

/// <summary>One change of one profile field: who, when, old → new, and where the new value came from. Made by <see cref="Business"/> only.</summary>
public class ProfileChange
{
    public long Id { get; init; }
    public int BusinessId { get; init; }
    public string Field { get; init; } = "";
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public ProfileSource Source { get; init; }
    public string ChangedByUserId { get; init; } = "";
    public DateTime ChangedAtUtc { get; init; }
}

/// <summary>
/// One fiscal year's statements: the figures the Local Benchmark reads (docs/self-check.md) and taxable income (the
/// deemed-large rule 6). Whole yen; profits may be negative. One row per business and closing date.
/// </summary>
public class FinancialYear
{
    public int Id { get; init; }
    public int BusinessId { get; init; }

    /// <summary>The last day of the fiscal year.</summary>
    public DateOnly ClosingDate { get; init; }

    public long? Sales { get; init; }
    public long? CostOfSales { get; init; }
    public long? OperatingProfit { get; init; }
    public long? OrdinaryProfit { get; init; }
    public long? Depreciation { get; init; }
    public long? CashAndDeposits { get; init; }
    /// <summary>Notes and accounts receivable (売上債権).</summary>
    public long? Receivables { get; init; }
    public long? Inventory { get; init; }
    /// <summary>Notes and accounts payable (買入債務).</summary>
    public long? Payables { get; init; }
    public long? ShortTermBorrowings { get; init; }
    public long? LongTermBorrowings { get; init; }
    public long? NetAssets { get; init; }
    public long? TotalAssets { get; init; }
    public int? Employees { get; init; }
    public long? TaxableIncome { get; init; }

    /// <summary>The figures in the order the form shows them; each a property of this type.</summary>
    public static readonly IReadOnlyList<string> Figures =
    [
        nameof(Sales), nameof(CostOfSales), nameof(OperatingProfit), nameof(OrdinaryProfit), nameof(Depreciation),
        nameof(CashAndDeposits), nameof(Receivables), nameof(Inventory), nameof(Payables), nameof(ShortTermBorrowings),
        nameof(LongTermBorrowings), nameof(NetAssets), nameof(TotalAssets), nameof(Employees), nameof(TaxableIncome),
    ];

    /// <summary>Each figure as the history names it (<c>FinancialYear[2026-03-31].Sales</c>) and its value as text.</summary>
    public IReadOnlyDictionary<string, string?> HistoryFields()
    {
        var prefix = $"FinancialYear[{ClosingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}].";
        return Figures.ToDictionary(
            figure => prefix + figure,
            figure => Convert.ToString(typeof(FinancialYear).GetProperty(figure)!.GetValue(this), CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
    }
}

/// <summary>A holder of the business's shares or capital, as the deemed-large test needs it.</summary>
public class ShareholderRecord
{
    public int Id { get; init; }
    public int BusinessId { get; init; }
    public string HolderName { get; init; } = "";
    /// <summary>The share in hundredths of a percent (1 to 10,000): whole numbers, which SQLite compares and sums exactly.</summary>
    public int ShareBasisPoints { get; init; }

    public decimal SharePercent => ShareBasisPoints / 100m;
    public bool IsLargeEnterprise { get; init; }
    public bool IsDeemedLarge { get; init; }

    /// <summary>The holder as the history records it: one item, named by the holder.</summary>
    public IReadOnlyDictionary<string, string?> HistoryFields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [$"Shareholder[{HolderName}]"] = string.Create(CultureInfo.InvariantCulture, $"{SharePercent:0.00}% large={IsLargeEnterprise} deemed={IsDeemedLarge}"),
    };
}

/// <summary>An officer (役員), as the deemed-large test needs it.</summary>
public class OfficerRecord
{
    public int Id { get; init; }
    public int BusinessId { get; init; }
    public string Name { get; init; } = "";
    public bool AtLargeEnterprise { get; init; }
    public bool AtDeemedLargeFirm { get; init; }

    /// <summary>The officer as the history records them: one item, named by the officer.</summary>
    public IReadOnlyDictionary<string, string?> HistoryFields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [$"Officer[{Name}]"] = $"large={AtLargeEnterprise} deemed={AtDeemedLargeFirm}",
    };
}

/// <summary>Intellectual property, overseas business and R&amp;D: counts and amounts the analysis reads.</summary>
public class BusinessActivities
{
    public int? Patents { get; init; }
    public int? UtilityModels { get; init; }
    public int? Designs { get; init; }
    public int? Trademarks { get; init; }
    /// <summary>Exports as a share of sales, whole percent 0-100.</summary>
    public int? ExportSharePercent { get; init; }
    /// <summary>ISO 3166 alpha-2 codes, space-separated.</summary>
    public string? ExportCountries { get; init; }
    public int? OverseasSubsidiaries { get; init; }
    public long? ResearchSpendingYen { get; init; }
    public int? ResearchStaff { get; init; }

    /// <summary>Each figure as the history names it (<c>Activities.Patents</c>) and its value as text.</summary>
    public IReadOnlyDictionary<string, string?> HistoryFields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Activities.Patents"] = ProfileText.Of(Patents),
        ["Activities.UtilityModels"] = ProfileText.Of(UtilityModels),
        ["Activities.Designs"] = ProfileText.Of(Designs),
        ["Activities.Trademarks"] = ProfileText.Of(Trademarks),
        ["Activities.ExportSharePercent"] = ProfileText.Of(ExportSharePercent),
        ["Activities.ExportCountries"] = ExportCountries,
        ["Activities.OverseasSubsidiaries"] = ProfileText.Of(OverseasSubsidiaries),
        ["Activities.ResearchSpendingYen"] = ProfileText.Of(ResearchSpendingYen),
        ["Activities.ResearchStaff"] = ProfileText.Of(ResearchStaff),
    };
}

/// <summary>
/// The Owner's invitation of a person, by email, to become a Member. The link carries a random token of which
/// only the SHA-256 hash is stored; it expires, works once, and only for the invited address.
/// </summary>
public class BusinessInvitation
{
    public const int DaysValid = 7;

    public int Id { get; set; }
    public int BusinessId { get; set; }
    /// <summary>Lower-cased.</summary>
    public string Email { get; set; } = "";
    public bool CanSubmit { get; set; }
    public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsOpenAt(DateTime nowUtc) => AcceptedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;
}
