using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Applications.ProfileBlock;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The profile block of an application: the profile's values prefilled (<see cref="ProfilePrefill"/>), and changes to
/// them reviewed, then confirmed and written back to the profile (<see cref="ChangeProfileHandler"/>). Scoped to the
/// business in the route: another business's application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationProfileController(IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("{applicationId:int}/" + ApplicationFile.ProfileStep)]
    public async Task<IActionResult> Profile(int businessId, int applicationId, [FromServices] ProfileStepQuery query) =>
        await query.RunAsync(businessId, applicationId) is { } page ? View(page) : NotFound();

    [HttpGet("{applicationId:int}/profile/change")]
    public async Task<IActionResult> ChangeProfile(int businessId, int applicationId, [FromServices] ProfileStepQuery query) =>
        await query.RunAsync(businessId, applicationId, editableOnly: true) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Changes to profile items go to the profile only once confirmed: "review" checks them with the profile's own
    /// validators and shows old against new; "confirm" writes them back (recorded as coming from an application).
    /// </summary>
    [HttpPost("{applicationId:int}/profile/change")]
    public async Task<IActionResult> ChangeProfile(
        int businessId, int applicationId, ProfileChangeForm form, string? intent, [FromServices] ChangeProfileHandler handler, [FromServices] ProfileStepQuery query)
    {
        var outcome = await handler.HandleAsync(new ChangeProfileCommand(businessId, applicationId, form.Values, intent, UserId));
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome);
            return await ChangeProfile(businessId, applicationId, query);
        }

        if (outcome.Value is not { } changes)
        {
            return NotFound();
        }

        if (intent == ApplicationIntent.Back)
        {
            return BackToChanges(changes);
        }

        if (changes.Changed.Count == 0)
        {
            return Redirect(changes.File.Path(ApplicationFile.ProfileStep));
        }

        if (intent == ApplicationIntent.Confirm)
        {
            TempData["Notice"] = t["Apply.ProfileUpdated"].Value;
            return Redirect(changes.File.Path(ApplicationFile.ProfileStep));
        }

        return View("ConfirmProfile", changes.ToConfirmPage());
    }

    /// <summary>Back from the confirmation: the changes as typed, over the profile as it is.</summary>
    private ViewResult BackToChanges(ProfileChanges changes)
    {
        foreach (var (field, value) in changes.Changed)
        {
            ModelState.SetModelValue($"Values[{field}]", value, value);
        }

        return View(nameof(ChangeProfile), new ProfileStepPage(changes.File, changes.Current));
    }
}
