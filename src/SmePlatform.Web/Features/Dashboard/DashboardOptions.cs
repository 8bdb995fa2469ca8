namespace SmePlatform.Web.Features.Dashboard;

/// <summary><c>Dashboard</c> settings.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The fewest businesses a published number may have behind it; smaller ones are suppressed.</summary>
    public int SuppressionThreshold { get; set; } = 5;
}
