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
public class Business
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

    public IndustryCode? Industry => IndustryMajor is { } major ? new IndustryCode(major, IndustryMiddle, IndustryMinor) : null;

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
