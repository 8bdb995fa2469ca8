using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Accounts.Manage;

/// <summary>The person managing their own account, as the handlers of these pages find them.</summary>
public static class SignedInUser
{
    /// <summary>The signed-in person's account row; a sign-in without one is a bug, not a page.</summary>
    public static async Task<ApplicationUser> RequireAsync(this UserManager<ApplicationUser> users, ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("A signed-in user has no account row.");

    /// <summary>Staff see every application: their two-factor sign-in is not optional and their sign-ins' ends are audited.</summary>
    public static bool IsStaff(this ClaimsPrincipal principal) => StaffRoles.All.Any(role => principal.IsInRole(role.Name));
}
