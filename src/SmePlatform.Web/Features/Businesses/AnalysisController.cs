using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.Businesses;

public sealed record FinancialsContext(int BusinessId, IReadOnlyList<FinancialYear> Years)
{
    public const string Key = "Financials";
}

public sealed record OwnershipPage(
    int BusinessId, IReadOnlyList<ShareholderRecord> Shareholders, IReadOnlyList<OfficerRecord> Officers, DeemedLargeVerdict Verdict,
    ShareholderForm Shareholder, OfficerForm Officer);

/// <summary>
/// The profile's analysis data, each in tables of its own: financial statements per fiscal year, shareholders and
/// officers (with the deemed-large verdict they give), and intellectual property, overseas business and R&amp;D.
/// Every change is kept in the profile's history, figure by figure.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/profile")]
public sealed class AnalysisController(SmeDbContext db, ProfileHistory history, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("financials")]
    public async Task<IActionResult> Financials(int businessId, int? year)
    {
        var years = await YearsAsync(businessId);
        var chosen = years.FirstOrDefault(y => y.Id == year);
        return FinancialsView(businessId, years, chosen is null ? new FinancialYearForm() : FinancialYearForm.From(chosen));
    }

    [HttpPost("financials")]
    public async Task<IActionResult> SaveFinancialYear(int businessId, FinancialYearForm form, [FromServices] IValidator<FinancialYearForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return FinancialsView(businessId, await YearsAsync(businessId), form);
        }

        var closing = BusinessRules.Date(form.ClosingDate)!.Value;
        var year = await db.FinancialYears.FirstOrDefaultAsync(y => y.BusinessId == businessId && y.ClosingDate == closing);
        var before = year is null ? Nothing : Snapshot(year);
        if (year is null)
        {
            year = new FinancialYear { BusinessId = businessId };
            db.FinancialYears.Add(year);
        }

        form.ApplyTo(year);
        history.Record(businessId, before, Snapshot(year), ProfileSource.SelfDeclared, UserId);
        await db.SaveChangesAsync();
        return Saved(nameof(Financials), businessId);
    }

    [HttpPost("financials/{yearId:int}/delete")]
    public async Task<IActionResult> DeleteFinancialYear(int businessId, int yearId)
    {
        var year = await db.FinancialYears.FirstOrDefaultAsync(y => y.Id == yearId && y.BusinessId == businessId);
        if (year is null)
        {
            return NotFound();
        }

        history.RecordRemoval(businessId, Snapshot(year), ProfileSource.SelfDeclared, UserId);
        db.FinancialYears.Remove(year);
        await db.SaveChangesAsync();
        return Saved(nameof(Financials), businessId);
    }

    [HttpGet("ownership")]
    public async Task<IActionResult> Ownership(int businessId) => View(await OwnershipAsync(businessId, new ShareholderForm(), new OfficerForm()));

    [HttpPost("ownership/shareholders")]
    public async Task<IActionResult> AddShareholder(int businessId, [Bind(Prefix = "Shareholder")] ShareholderForm form)
    {
        var name = JapaneseInput.Clean(form.HolderName);
        var points = ShareholderForm.BasisPoints(form.SharePercent);
        if (name is null || name.Length > 200)
        {
            ModelState.AddModelError("Shareholder.HolderName", t["Ownership.Validation.Name"]);
        }

        if (points is null)
        {
            ModelState.AddModelError("Shareholder.SharePercent", t["Ownership.Validation.Share"]);
        }
        else if (await db.Shareholders.Where(s => s.BusinessId == businessId).SumAsync(s => s.ShareBasisPoints) + points > 10_000)
        {
            ModelState.AddModelError("Shareholder.SharePercent", t["Ownership.Validation.Total"]);
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Ownership), await OwnershipAsync(businessId, form, new OfficerForm()));
        }

        var holder = new ShareholderRecord
        {
            BusinessId = businessId,
            HolderName = name!,
            ShareBasisPoints = points!.Value,
            IsLargeEnterprise = form.IsLargeEnterprise,
            IsDeemedLarge = form.IsDeemedLarge,
        };
        db.Shareholders.Add(holder);
        history.Record(businessId, Nothing, Snapshot(holder), ProfileSource.SelfDeclared, UserId);
        await db.SaveChangesAsync();
        return Saved(nameof(Ownership), businessId);
    }

    [HttpPost("ownership/shareholders/{shareholderId:int}/delete")]
    public async Task<IActionResult> DeleteShareholder(int businessId, int shareholderId)
    {
        var holder = await db.Shareholders.FirstOrDefaultAsync(s => s.Id == shareholderId && s.BusinessId == businessId);
        if (holder is null)
        {
            return NotFound();
        }

        history.RecordRemoval(businessId, Snapshot(holder), ProfileSource.SelfDeclared, UserId);
        db.Shareholders.Remove(holder);
        await db.SaveChangesAsync();
        return Saved(nameof(Ownership), businessId);
    }

    [HttpPost("ownership/officers")]
    public async Task<IActionResult> AddOfficer(int businessId, [Bind(Prefix = "Officer")] OfficerForm form)
    {
        var name = JapaneseInput.Clean(form.Name);
        if (name is null || name.Length > 100)
        {
            ModelState.AddModelError("Officer.Name", t["Ownership.Validation.OfficerName"]);
            return View(nameof(Ownership), await OwnershipAsync(businessId, new ShareholderForm(), form));
        }

        var officer = new OfficerRecord { BusinessId = businessId, Name = name, AtLargeEnterprise = form.AtLargeEnterprise, AtDeemedLargeFirm = form.AtDeemedLargeFirm };
        db.Officers.Add(officer);
        history.Record(businessId, Nothing, Snapshot(officer), ProfileSource.SelfDeclared, UserId);
        await db.SaveChangesAsync();
        return Saved(nameof(Ownership), businessId);
    }

    [HttpPost("ownership/officers/{officerId:int}/delete")]
    public async Task<IActionResult> DeleteOfficer(int businessId, int officerId)
    {
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == officerId && o.BusinessId == businessId);
        if (officer is null)
        {
            return NotFound();
        }

        history.RecordRemoval(businessId, Snapshot(officer), ProfileSource.SelfDeclared, UserId);
        db.Officers.Remove(officer);
        await db.SaveChangesAsync();
        return Saved(nameof(Ownership), businessId);
    }

    [HttpGet("activities")]
    public async Task<IActionResult> Activities(int businessId) =>
        View(ActivitiesForm.From(await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).Select(b => b.Activities).FirstAsync()));

    [HttpPost("activities")]
    public async Task<IActionResult> Activities(int businessId, ActivitiesForm form, [FromServices] IValidator<ActivitiesForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var business = await db.Businesses.FirstAsync(b => b.Id == businessId);
        var before = Snapshot(business.Activities);
        business.Activities = form.ToActivities();
        history.Record(businessId, before, Snapshot(business.Activities), ProfileSource.SelfDeclared, UserId);
        await db.SaveChangesAsync();
        return Saved(nameof(Activities), businessId);
    }

    /// <summary>The fiscal years, latest first.</summary>
    private async Task<List<FinancialYear>> YearsAsync(int businessId) =>
        await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId == businessId).OrderByDescending(y => y.ClosingDate).ToListAsync();

    private ViewResult FinancialsView(int businessId, IReadOnlyList<FinancialYear> years, FinancialYearForm form)
    {
        ViewData[FinancialsContext.Key] = new FinancialsContext(businessId, years);
        return View(nameof(Financials), form);
    }

    private async Task<OwnershipPage> OwnershipAsync(int businessId, ShareholderForm shareholder, OfficerForm officer)
    {
        var holders = await db.Shareholders.AsNoTracking().Where(s => s.BusinessId == businessId).OrderBy(s => s.Id).ToListAsync();
        var officers = await db.Officers.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Id).ToListAsync();
        var verdict = DeemedLarge.Test(
            [.. holders.Select(h => new Shareholder(h.SharePercent, h.IsLargeEnterprise, h.IsDeemedLarge))],
            [.. officers.Select(o => new Officer(o.AtLargeEnterprise, o.AtDeemedLargeFirm))]);
        return new OwnershipPage(businessId, holders, officers, verdict, shareholder, officer);
    }

    private RedirectToActionResult Saved(string action, int businessId)
    {
        TempData["Notice"] = t["Business.Saved"].Value;
        return RedirectToAction(action, new { businessId });
    }

    private static Dictionary<string, string?> Snapshot(FinancialYear year)
    {
        var prefix = $"FinancialYear[{year.ClosingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}].";
        return FinancialYearForm.Figures.ToDictionary(
            figure => prefix + figure,
            figure => Convert.ToString(typeof(FinancialYear).GetProperty(figure)!.GetValue(year), CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, string?> Snapshot(ShareholderRecord holder) => new(StringComparer.Ordinal)
    {
        [$"Shareholder[{holder.HolderName}]"] = string.Create(CultureInfo.InvariantCulture, $"{holder.SharePercent:0.00}% large={holder.IsLargeEnterprise} deemed={holder.IsDeemedLarge}"),
    };

    private static Dictionary<string, string?> Snapshot(OfficerRecord officer) => new(StringComparer.Ordinal)
    {
        [$"Officer[{officer.Name}]"] = $"large={officer.AtLargeEnterprise} deemed={officer.AtDeemedLargeFirm}",
    };

    private static Dictionary<string, string?> Snapshot(BusinessActivities a) => new(StringComparer.Ordinal)
    {
        ["Activities.Patents"] = Text(a.Patents),
        ["Activities.UtilityModels"] = Text(a.UtilityModels),
        ["Activities.Designs"] = Text(a.Designs),
        ["Activities.Trademarks"] = Text(a.Trademarks),
        ["Activities.ExportSharePercent"] = Text(a.ExportSharePercent),
        ["Activities.ExportCountries"] = a.ExportCountries,
        ["Activities.OverseasSubsidiaries"] = Text(a.OverseasSubsidiaries),
        ["Activities.ResearchSpendingYen"] = a.ResearchSpendingYen?.ToString(CultureInfo.InvariantCulture),
        ["Activities.ResearchStaff"] = Text(a.ResearchStaff),
    };

    private static readonly Dictionary<string, string?> Nothing = new(StringComparer.Ordinal);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
