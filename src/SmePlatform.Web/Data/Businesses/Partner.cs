namespace SmePlatform.Web.Data.Businesses;

/// <summary>A partner organisation that may be granted access: a chamber of commerce, a prefecture, a lender….</summary>
public class Partner
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
}
