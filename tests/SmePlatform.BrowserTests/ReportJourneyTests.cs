using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ReportJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// After the award: the owner writes the performance report (an error first: no invoice number), attaches the
    /// invoice and submits; the reviewer finds the double-receipt flag (the same invoice claimed by the owner's other
    /// application), dismisses it with a reason, and confirms the amount payable; the supervisor records the payment;
    /// the owner sees the application completed with every stage. Every page checked with axe-core, in both languages.
    /// </summary>
    [Theory]
    [InlineData("ja", "指摘を退ける", "支払額を確定する", "完了（支払済み）")]
    [InlineData("en", "Dismiss the flag", "Confirm the amount payable", "Completed (paid)")]
    public async Task GrantReportConfirmPaid_WithAFlagDismissedOnTheWay(string culture, string dismiss, string confirm, string completed)
    {
        var (owner, business, otherApplicationId) = await browser.App.CreateApplicantAsync();
        var applicationId = await browser.App.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        await browser.App.GrantAsync(applicationId, 1_000_000);
        // The project under way (invoices are dated on or before today, within the period); the other claim overlapping it.
        await browser.App.SetProjectPeriodAsync(SmeAppFactory.JapanToday(-90), SmeAppFactory.JapanToday(90), applicationId, otherApplicationId);
        var invoice = Path.Combine(Path.GetTempPath(), $"invoice-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(invoice, SampleFiles.Pdf());
        var name = $"{nameof(GrantReportConfirmPaid_WithAFlagDismissedOnTheWay)}-{culture}";

        try
        {
            await using var applicant = await browser.NewSessionAsync($"{name}-owner");
            await applicant.RunAsync(async page =>
            {
                await applicant.SignInAsync(owner);
                await page.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}?culture={culture}");
                await applicant.AssertAccessibleAsync();
                await page.Locator($"main a[href$='/applications/{applicationId}/report']").ClickAsync();
                await page.WaitForURLAsync("**/report");
                await applicant.AssertAccessibleAsync();

                // Dated after today: refused beside the date, with the missing invoice number.
                await page.Locator("#Lines_0__InvoiceDate").FillAsync(SmeAppFactory.JapanDay(1));
                await page.Locator("main button[value=submit]").ClickAsync();
                await page.WaitForSelectorAsync(".error-summary");
                Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
                await Assertions.Expect(page.Locator("#Lines_0__InvoiceNumber-error")).Not.ToBeEmptyAsync();
                await Assertions.Expect(page.Locator("#Lines_0__InvoiceDate-error")).ToContainTextAsync(culture == "ja" ? "本日" : "today");
                await applicant.AssertAccessibleAsync();

                await page.Locator("#Lines_0__InvoiceDate").FillAsync(SmeAppFactory.JapanDay(-10));

                await page.Locator("#Lines_0__InvoiceNumber").FillAsync("INV-2027-0510");
                await page.Locator("#Invoices").SetInputFilesAsync(invoice);
                await page.Locator("main button[value=submit]").ClickAsync();
                await page.WaitForURLAsync($"**/applications/{applicationId}");
                await applicant.AssertAccessibleAsync();
            });

            await using var reviewer = await browser.NewSessionAsync($"{name}-reviewer");
            await reviewer.RunAsync(async page =>
            {
                await reviewer.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true));
                await page.GotoAsync($"/review/{applicationId}?culture={culture}");
                var flag = page.Locator("li.flag[data-rule=DoubleReceipt][data-state=Open]").First;
                await flag.Locator("textarea").FillAsync(culture == "ja" ? "前の申請は取り下げ予定であることを電話で確認" : "Confirmed by phone that the earlier application will be withdrawn");
                await flag.GetByRole(AriaRole.Button, new() { Name = dismiss }).ClickAsync();
                await Assertions.Expect(page.Locator("li.flag[data-rule=DoubleReceipt][data-state=Dismissed]")).Not.ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("[data-payable-limit]")).ToContainTextAsync("1,000,000");
                await reviewer.AssertAccessibleAsync();

                await Assertions.Expect(page.Locator("#Report_Decision option[value=confirm]")).ToHaveTextAsync(confirm);
                await page.Locator("#Report_Decision").SelectOptionAsync("confirm");
                await page.Locator("#Report_PayableYen").FillAsync("1,000,000");
                await page.Locator($"form[action='/review/{applicationId}/report'] button[type=submit]").ClickAsync();
                await Assertions.Expect(page.Locator("main dl").First).ToContainTextAsync(culture == "ja" ? "額の確定" : "Amount confirmed");
                await reviewer.AssertAccessibleAsync();
            });

            await using var supervisor = await browser.NewSessionAsync($"{name}-supervisor");
            await supervisor.RunAsync(async page =>
            {
                await supervisor.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Supervisor], twoFactor: true));
                await page.GotoAsync($"/review/{applicationId}?culture={culture}");
                await page.Locator("#Payment_PaidOn").FillAsync(SmeAppFactory.JapanDay(0));
                await page.Locator("#Payment_Reference").FillAsync("FB-20271130-001");
                await page.Locator($"form[action='/review/{applicationId}/payment'] button[type=submit]").ClickAsync();
                await Assertions.Expect(page.Locator("main dl").First).ToContainTextAsync(completed);
                await supervisor.AssertAccessibleAsync();
            });

            await applicant.RunAsync(async page =>
            {
                await page.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}?culture={culture}");
                await Assertions.Expect(page.Locator("main dl").First).ToContainTextAsync(completed);
                await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(culture == "ja" ? "実績報告済み" : "Performance report submitted");
                await applicant.AssertAccessibleAsync();
                await page.SetViewportSizeAsync(320, 800);
                Assert.True(await applicant.FitsWidthAsync());
            });
        }
        finally
        {
            File.Delete(invoice);
        }
    }
}
