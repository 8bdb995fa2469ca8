using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Accounts;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>
/// Identity's password check, backed by the domain's <see cref="PasswordPolicy"/> and the shipped list of
/// common passwords (Data/ReferenceData/common-passwords.txt). Runs on register, reset and change alike.
/// </summary>
public sealed class PasswordPolicyValidator(PasswordPolicy policy, IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = PasswordPolicy.MinimumLength;
    public const string CommonPasswordsFile = "Data/ReferenceData/common-passwords.txt";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var problems = policy.Check(password ?? "");
        if (problems.Count == 0)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = problems.Select(problem => problem switch
        {
            PasswordProblem.TooShort => new IdentityError { Code = "PasswordTooShort", Description = localizer["Password.TooShort", PasswordPolicy.MinimumLength] },
            PasswordProblem.TooLong => new IdentityError { Code = "PasswordTooLong", Description = localizer["Password.TooLong", PasswordPolicy.MaximumLength] },
            _ => new IdentityError { Code = "PasswordCommon", Description = localizer["Password.Common"] },
        });
        return Task.FromResult(IdentityResult.Failed([.. errors]));
    }

    public static PasswordPolicy LoadPolicy()
    {
        var path = Path.Combine(AppContext.BaseDirectory, CommonPasswordsFile);
        return PasswordPolicy.FromLines(File.ReadLines(path));
    }
}
