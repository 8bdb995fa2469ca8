using Microsoft.AspNetCore.Authorization;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>The current sign-in was completed with a second factor (Identity adds <c>amr=mfa</c>).</summary>
public sealed class TwoFactorSignInRequirement : IAuthorizationRequirement
{
    public const string ClaimType = "amr";
    public const string ClaimValue = "mfa";
}
