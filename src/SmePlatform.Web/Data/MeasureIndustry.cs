namespace SmePlatform.Web.Data;

public class MeasureIndustry
{
    public int MeasureId { get; set; }
    public string JsicCode { get; set; } = "";
}
