using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.Businesses;

public sealed class GrantConsentForm
{
    [Display(Name = "Consent.Partner")] public string? PartnerId { get; set; }
    [Display(Name = "Consent.Groups")] public List<string> Groups { get; set; } = [];
    [Display(Name = "Consent.Purpose")] public string? Purpose { get; set; }
    [Display(Name = "Consent.Until")] public string? Until { get; set; }
}

public sealed class GrantConsentFormValidator : AbstractValidator<GrantConsentForm>
{
    public const int MaxYears = 3;

    public GrantConsentFormValidator(IStringLocalizer<SharedResource> t, SmeDbContext db, TimeProvider clock)
    {
        RuleFor(f => f.PartnerId).MustAsync(async (id, cancellationToken) =>
                int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId) && await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
            .WithMessage(_ => t["Consent.Validation.Partner"]);
        RuleFor(f => f.Groups).Must(groups => groups.Count > 0 && groups.TrueForAll(g => Enum.TryParse<ItemGroup>(g, out var group) && Enum.IsDefined(group)))
            .WithMessage(_ => t["Consent.Validation.Groups"]);
        RuleFor(f => f.Purpose).Cascade(CascadeMode.Stop)
            .Must(purpose => !string.IsNullOrWhiteSpace(purpose)).WithMessage(_ => t["Consent.Validation.Purpose"])
            .Must(purpose => purpose!.Trim().Length <= 500).WithMessage(_ => t["BusinessValidation.TooLong", t["Consent.Purpose"], 500]);
        RuleFor(f => f.Until).Must(until =>
            {
                var today = JapanTime.DateOf(clock.GetUtcNow().UtcDateTime);
                return BusinessRules.Date(until) is { } date && date >= today && date <= today.AddYears(MaxYears);
            })
            .WithMessage(_ => t["Consent.Validation.Until", MaxYears]);
    }
}

/// <param name="Id"></param>
/// <param name="Partner"></param>
/// <param name="Group"></param>
/// <param name="Purpose"></param>
/// <param name="GrantedAtUtc"></param>
/// <param name="ExpiresAtUtc">The instant access ends: 00:00 in Japan after <see cref="LastDay"/>.</param>
/// <param name="RevokedAtUtc"></param>
public sealed record GrantRow(int Id, string Partner, ItemGroup Group, string Purpose, DateTime GrantedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc)
{
    /// <summary>The last day of access, as the Owner chose it (the grant lasts to the end of it).</summary>
    public DateOnly LastDay => JapanTime.LastDayBefore(ExpiresAtUtc);
}

public sealed record ReadRow(string Partner, ItemGroup Group, DateTime ReadAtUtc, bool Allowed);

/// <summary>What the consents page shows beside its form.</summary>
public sealed record ConsentsContext(int BusinessId, IReadOnlyList<Partner> Partners, IReadOnlyList<GrantRow> Grants, IReadOnlyList<ReadRow> Reads, DateTime NowUtc)
{
    public const string Key = "Consents";
}

/// <summary>
/// The consent ledger, the Owner's alone: grant a partner access to item groups for a purpose until a date,
/// revoke it, and see every read made through the ledger. No access unless granted.
/// </summary>
[Authorize]
[BusinessScoped(ownerOnly: true)]
[Route("businesses/{businessId:int}/consents")]
public sealed class ConsentsController(SmeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId) =>
        await PageAsync(businessId, new GrantConsentForm { Until = JapanTime.DateOf(clock.GetUtcNow().UtcDateTime).AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    [HttpPost("")]
    public async Task<IActionResult> Grant(int businessId, GrantConsentForm form, [FromServices] IValidator<GrantConsentForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return await PageAsync(businessId, form);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Access lasts to the end of the chosen day in Japan.
        var expires = JapanTime.EndOfDayUtc(BusinessRules.Date(form.Until)!.Value);
        foreach (var group in form.Groups.Select(Enum.Parse<ItemGroup>).Distinct())
        {
            db.ConsentGrants.Add(new ConsentGrant
            {
                BusinessId = businessId,
                PartnerId = int.Parse(form.PartnerId!, CultureInfo.InvariantCulture),
                Group = group,
                Purpose = form.Purpose!.Trim(),
                GrantedAtUtc = now,
                GrantedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                ExpiresAtUtc = expires,
            });
        }

        await db.SaveChangesAsync();
        TempData["Notice"] = t["Consent.Granted"].Value;
        return RedirectToAction(nameof(Index), new { businessId });
    }

    [HttpPost("{grantId:int}/revoke")]
    public async Task<IActionResult> Revoke(int businessId, int grantId)
    {
        var grant = await db.ConsentGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.BusinessId == businessId);
        if (grant is null)
        {
            return NotFound();
        }

        grant.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Notice"] = t["Consent.Revoked"].Value;
        return RedirectToAction(nameof(Index), new { businessId });
    }

    private async Task<ViewResult> PageAsync(int businessId, GrantConsentForm form)
    {
        var japanese = Infrastructure.Localization.Cultures.IsJapanese(CultureInfo.CurrentUICulture);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        string Name(int id) => partners.First(p => p.Id == id) is var p && japanese ? p.NameJa : p.NameEn;
        var grants = await db.ConsentGrants.AsNoTracking().Where(g => g.BusinessId == businessId)
            .OrderByDescending(g => g.GrantedAtUtc).ThenByDescending(g => g.Id).ToListAsync();
        var reads = await db.ConsentReads.AsNoTracking().Where(r => r.BusinessId == businessId)
            .OrderByDescending(r => r.ReadAtUtc).ThenByDescending(r => r.Id).Take(200).ToListAsync();
        ViewData[ConsentsContext.Key] = new ConsentsContext(
            businessId,
            partners,
            [.. grants.Select(g => new GrantRow(g.Id, Name(g.PartnerId), g.Group, g.Purpose, g.GrantedAtUtc, g.ExpiresAtUtc, g.RevokedAtUtc))],
            [.. reads.Select(r => new ReadRow(Name(r.PartnerId), r.Group, r.ReadAtUtc, r.Allowed))],
            clock.GetUtcNow().UtcDateTime);
        return View("Consents", form);
    }
}
