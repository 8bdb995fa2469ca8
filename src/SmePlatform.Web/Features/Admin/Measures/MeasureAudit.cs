using System.Globalization;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>How a measure's changes are named in the audit log (its history page reads them back).</summary>
public static class MeasureAudit
{
    public const string Subject = "SupportMeasure";

    public static string SubjectId(int id) => id.ToString(CultureInfo.InvariantCulture);
}
