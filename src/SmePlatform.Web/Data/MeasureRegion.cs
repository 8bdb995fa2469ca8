namespace SmePlatform.Web.Data;

public class MeasureRegion
{
    public int MeasureId { get; set; }
    public string PrefectureCode { get; set; } = "";
}
