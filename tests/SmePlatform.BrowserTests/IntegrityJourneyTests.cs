using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class IntegrityJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An owner's second application claims the same invoice as the first: the check page warns the owner before
    /// submitting; the reviewer sees the double-receipt flag with the other application, tries to dismiss it without a
    /// reason (the error is beside the field, the summary focused), then dismisses it with one. Every state is
    /// accessible in both languages, by keyboard, and reflows at 320 px.
    /// </summary>
    [Theory]
    [InlineData("ja", "二重受給の疑い", "指摘を退ける", "指摘を退けました")]
    [InlineData("en", "Possible double receipt", "Dismiss the flag", "The flag is dismissed")]
    public async Task ADoubleClaim_IsShownToTheApplicant_AndDismissedByTheReviewerWithAReason(string culture, string rule, string dismiss, string dismissed)
    {
        var (owner, business, _) = await browser.App.CreateApplicantAsync();
        var second = await browser.App.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var name = $"{nameof(ADoubleClaim_IsShownToTheApplicant_AndDismissedByTheReviewerWithAReason)}-{culture}";

        await using var applicant = await browser.NewSessionAsync($"{name}-owner");
        await applicant.RunAsync(async page =>
        {
            await applicant.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/applications/{second}/check?culture={culture}");
            await Assertions.Expect(page.Locator("[data-integrity-warnings] li[data-rule=DoubleReceipt]")).ToContainTextAsync(rule);
            await applicant.AssertAccessibleAsync();
        });

        await using var reviewer = await browser.NewSessionAsync($"{name}-reviewer");
        await reviewer.RunAsync(async page =>
        {
            await reviewer.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true));
            await page.GotoAsync($"/review/{second}?culture={culture}");
            var flag = page.Locator("li.flag[data-rule=DoubleReceipt]");
            await Assertions.Expect(flag).ToContainTextAsync(rule);
            await reviewer.AssertAccessibleAsync();

            // By keyboard: to the dismiss button, and Enter, with no reason typed.
            var button = flag.GetByRole(AriaRole.Button, new() { Name = dismiss });
            await button.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
            await Assertions.Expect(page.Locator("li.flag[data-rule=DoubleReceipt] .form-error-message")).Not.ToBeEmptyAsync();
            await reviewer.AssertAccessibleAsync();

            await page.Locator("li.flag[data-rule=DoubleReceipt] textarea").FillAsync(culture == "ja" ? "同じ見積の再提出で、前の申請は取り下げ予定" : "A resubmission of the same quote; the earlier one will be withdrawn");
            await page.Locator("li.flag[data-rule=DoubleReceipt]").GetByRole(AriaRole.Button, new() { Name = dismiss }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(dismissed);
            await Assertions.Expect(page.Locator("li.flag[data-rule=DoubleReceipt] form")).ToHaveCountAsync(0);
            await reviewer.AssertAccessibleAsync();

            await page.SetViewportSizeAsync(320, 800);
            Assert.True(await reviewer.FitsWidthAsync());
        });
    }
}
