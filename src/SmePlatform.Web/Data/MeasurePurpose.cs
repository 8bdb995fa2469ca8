using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Data;

public class MeasurePurpose
{
    public int MeasureId { get; set; }
    public Purpose Purpose { get; set; }
}
