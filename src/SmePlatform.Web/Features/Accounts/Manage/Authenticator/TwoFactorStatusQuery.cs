using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.Authenticator;

/// <summary>The two-factor page: whether it is on, how many recovery codes are left, and whether it may be turned off.</summary>
public sealed class TwoFactorStatusQuery(UserManager<ApplicationUser> users) : IUseCase
{
    public async Task<TwoFactorStatus> HandleAsync(ClaimsPrincipal principal, bool required)
    {
        var user = await users.RequireAsync(principal);
        return new TwoFactorStatus(
            await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user),
            principal.IsStaff(),
            required);
    }
}
