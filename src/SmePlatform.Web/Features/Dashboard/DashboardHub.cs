using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>
/// Open dashboards listen here (<c>/hubs/dashboard</c>, staff only) for "changed": an application was submitted or
/// moved on, so the numbers are read again. Nothing about the application travels: the page asks for its own numbers,
/// under its own filters and suppression. One instance tells its own clients; several would need a backplane.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string Changed = "changed";
}
