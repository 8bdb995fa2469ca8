namespace SmePlatform.Web.Data;

/// <summary>
/// The agency's staff roles. Every staff member must sign in with two factors: they can see every application.
/// Ids are stable because the roles are seeded by migration.
/// </summary>
public static class StaffRoles
{
    public const string Reviewer = nameof(Reviewer);
    public const string Supervisor = nameof(Supervisor);
    public const string Analyst = nameof(Analyst);
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<(string Id, string Name)> All { get; } =
    [
        ("4d1f4e1a-0001-4a5e-9c1a-5e0000000001", Reviewer),
        ("4d1f4e1a-0002-4a5e-9c1a-5e0000000002", Supervisor),
        ("4d1f4e1a-0003-4a5e-9c1a-5e0000000003", Analyst),
        ("4d1f4e1a-0004-4a5e-9c1a-5e0000000004", Administrator),
    ];

    public static bool IsStaffRole(string role) => All.Any(r => r.Name == role);
}
