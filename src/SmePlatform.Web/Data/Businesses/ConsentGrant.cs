namespace SmePlatform.Web.Data.Businesses;

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
