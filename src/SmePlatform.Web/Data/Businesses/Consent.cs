namespace SmePlatform.Web.Data.Businesses;

/// <summary>The groups of profile items a business can share, each as a whole.</summary>
public enum ItemGroup
{
    Basics,
    Recommendation,
    Financial,
    IntellectualProperty,
    Overseas,
    ResearchDevelopment,
}

/// <summary>A partner organisation that may be granted access: a chamber of commerce, a prefecture, a lender….</summary>
public class Partner
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
}

/// <summary>
/// The Owner's grant to one partner of one item group, for a stated purpose, until an instant (the end of the
/// chosen day in Japan). Revoking keeps the row: the ledger shows what was allowed when.
/// </summary>
public class ConsentGrant
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public int PartnerId { get; set; }
    public ItemGroup Group { get; set; }
    public string Purpose { get; set; } = "";
    public DateTime GrantedAtUtc { get; set; }
    public string GrantedByUserId { get; set; } = "";
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;
}

/// <summary>One question "may partner P read group G of business B now?", with its answer: every read is logged.</summary>
public class ConsentRead
{
    public long Id { get; set; }
    public int BusinessId { get; set; }
    public int PartnerId { get; set; }
    public ItemGroup Group { get; set; }
    public DateTime ReadAtUtc { get; set; }
    public bool Allowed { get; set; }
    public int? GrantId { get; set; }
}
