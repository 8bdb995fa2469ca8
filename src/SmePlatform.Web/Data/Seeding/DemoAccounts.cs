namespace SmePlatform.Web.Data.Seeding;

/// <summary>
/// The demo accounts seeded in Development (and in tests). They are listed in README.md;
/// staff accounts share one authenticator key so a person trying the portal can make codes
/// (<c>oathtool --totp -b KEY</c>).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Passw0rd-2026";
    public const string StaffAuthenticatorKey = "SMEPLATFORMDEMOSTAFFTOTPKEY23456";
    public const string OwnerEmail = "owner@demo.example.jp";
    public const string MemberEmail = "member@demo.example.jp";

    public sealed record Account(string Email, string DisplayName, string[] Roles)
    {
        public bool IsStaff => Roles.Length > 0;
    }

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@demo.example.jp", "管理 太郎", [StaffRoles.Administrator]),
        new("reviewer@demo.example.jp", "審査 花子", [StaffRoles.Reviewer]),
        new("supervisor@demo.example.jp", "決裁 一郎", [StaffRoles.Reviewer, StaffRoles.Supervisor]),
        new("analyst@demo.example.jp", "分析 次郎", [StaffRoles.Analyst]),
        new(OwnerEmail, "事業 さくら", []),
        new(MemberEmail, "社員 健", []),
    ];
}
