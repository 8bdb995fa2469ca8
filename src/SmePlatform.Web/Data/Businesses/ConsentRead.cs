namespace SmePlatform.Web.Data.Businesses;

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
