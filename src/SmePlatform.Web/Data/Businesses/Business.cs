using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;

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
/// and later financial years, shareholders, officers) are tables of their own. Every change to a profile field is
/// kept in <see cref="ProfileChange"/>, which also says where each value came from.
/// </summary>
public class Business : IVersioned
{
    public int Id { get; set; }

    public LegalForm LegalForm { get; set; }

    /// <summary>13 digits, check digit valid; unique when set. Sole proprietors have none.</summary>
    public string? CorporateNumber { get; set; }

    public VerificationState Verification { get; set; }
    public VerificationEvidence? VerificationEvidence { get; set; }
    public DateTime? VerifiedAtUtc { get; set; }
    public string? VerifiedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Raised by every change: a save based on an older version is refused.</summary>
    public int Version { get; set; }

    // Basics reused in every form.
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

    // What recommendations read.
    public string? IndustryMajor { get; set; }
    public string? IndustryMiddle { get; set; }
    public string? IndustryMinor { get; set; }
    public int? RegularEmployees { get; set; }
    public List<BusinessPurpose> Purposes { get; set; } = [];

    public List<BusinessMember> Members { get; set; } = [];

    // Analysis data: tables of their own, and the activities as columns of this one.
    public List<FinancialYear> FinancialYears { get; set; } = [];
    public List<ShareholderRecord> Shareholders { get; set; } = [];
    public List<OfficerRecord> Officers { get; set; } = [];
    public BusinessActivities Activities { get; set; } = new();

    /// <summary>
    /// Makes the purposes exactly these, replacing the owned rows only when the set changed (new rows with the same
    /// keys as tracked ones would clash, and an unchanged set should write nothing).
    /// </summary>
    public void SetPurposes(IEnumerable<Purpose> purposes)
    {
        var wanted = purposes.Distinct().Order().ToList();
        if (!wanted.SequenceEqual(Purposes.Select(p => p.Purpose).Order()))
        {
            Purposes = [.. wanted.Select(p => new BusinessPurpose { Purpose = p })];
        }
    }

    public IndustryCode? Industry => IndustryCode.Of(IndustryMajor, IndustryMiddle, IndustryMinor);

    public BusinessFacts Facts => new(LegalForm, Industry, CapitalYen, RegularEmployees);
}

public class BusinessPurpose
{
    public int BusinessId { get; set; }
    public Purpose Purpose { get; set; }
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

/// <summary>One change of one profile field: who, when, old → new, and where the new value came from.</summary>
public class ProfileChange
{
    public long Id { get; set; }
    public int BusinessId { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public ProfileSource Source { get; set; }
    public string ChangedByUserId { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>
/// One fiscal year's statements: the figures the Local Benchmark reads (docs/self-check.md) and taxable income (the
/// deemed-large rule 6). Whole yen; profits may be negative. One row per business and closing date.
/// </summary>
public class FinancialYear
{
    public int Id { get; set; }
    public int BusinessId { get; set; }

    /// <summary>The last day of the fiscal year.</summary>
    public DateOnly ClosingDate { get; set; }

    public long? Sales { get; set; }
    public long? CostOfSales { get; set; }
    public long? OperatingProfit { get; set; }
    public long? OrdinaryProfit { get; set; }
    public long? Depreciation { get; set; }
    public long? CashAndDeposits { get; set; }
    /// <summary>Notes and accounts receivable (売上債権).</summary>
    public long? Receivables { get; set; }
    public long? Inventory { get; set; }
    /// <summary>Notes and accounts payable (買入債務).</summary>
    public long? Payables { get; set; }
    public long? ShortTermBorrowings { get; set; }
    public long? LongTermBorrowings { get; set; }
    public long? NetAssets { get; set; }
    public long? TotalAssets { get; set; }
    public int? Employees { get; set; }
    public long? TaxableIncome { get; set; }
}

/// <summary>A holder of the business's shares or capital, as the deemed-large test needs it.</summary>
public class ShareholderRecord
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public string HolderName { get; set; } = "";
    /// <summary>The share in hundredths of a percent (1 to 10,000): whole numbers, which SQLite compares and sums exactly.</summary>
    public int ShareBasisPoints { get; set; }

    public decimal SharePercent => ShareBasisPoints / 100m;
    public bool IsLargeEnterprise { get; set; }
    public bool IsDeemedLarge { get; set; }
}

/// <summary>An officer (役員), as the deemed-large test needs it.</summary>
public class OfficerRecord
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public string Name { get; set; } = "";
    public bool AtLargeEnterprise { get; set; }
    public bool AtDeemedLargeFirm { get; set; }
}

/// <summary>Intellectual property, overseas business and R&amp;D: counts and amounts the analysis reads.</summary>
public class BusinessActivities
{
    public int? Patents { get; set; }
    public int? UtilityModels { get; set; }
    public int? Designs { get; set; }
    public int? Trademarks { get; set; }
    /// <summary>Exports as a share of sales, whole percent 0-100.</summary>
    public int? ExportSharePercent { get; set; }
    /// <summary>ISO 3166 alpha-2 codes, space-separated.</summary>
    public string? ExportCountries { get; set; }
    public int? OverseasSubsidiaries { get; set; }
    public long? ResearchSpendingYen { get; set; }
    public int? ResearchStaff { get; set; }
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
