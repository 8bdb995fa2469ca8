using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts;

namespace SmePlatform.Web.Features.Admin.Staff;

public sealed class CreateStaffForm
{
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.StaffRole")]
    public string? Role { get; set; }
}

public sealed class CreateStaffFormValidator : AbstractValidator<CreateStaffForm>
{
    public CreateStaffFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage(_ => t["Validation.DisplayName.Required"])
            .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithMessage(_ => t["Validation.DisplayName.TooLong", ApplicationUser.DisplayNameMaxLength]);
        RuleFor(f => f.Email).EmailAddressRules(t);
        RuleFor(f => f.Role).Must(role => role is not null && StaffRoles.IsStaffRole(role)).WithMessage(_ => t["Validation.StaffRole.Required"]);
    }
}

public sealed class StaffRolesForm
{
    [Display(Name = "Field.StaffRoles")]
    public List<string> Roles { get; set; } = [];
}

public sealed class StaffRolesFormValidator : AbstractValidator<StaffRolesForm>
{
    public StaffRolesFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Roles).Must(roles => roles is { Count: > 0 } && roles.All(StaffRoles.IsStaffRole))
            .WithMessage(_ => t["Validation.StaffRoles.Required"]);
    }
}

/// <summary>The roles page: whose roles (by id; the name and address are shown to the administrator only), and the form.</summary>
public sealed record StaffRolesPage(StaffMember Member, StaffRolesForm Form, bool IsSelf);

public sealed record StaffMember(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool EmailConfirmed);
