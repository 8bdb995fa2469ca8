using Microsoft.AspNetCore.Identity;

namespace SmePlatform.Web.Data;

/// <summary>
/// A person who signs in. Staff rights come from Identity roles (<see cref="StaffRoles"/>);
/// a business user's rights come from membership of a business, never from a role.
/// </summary>
public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name shown in the account menu and in emails.</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
