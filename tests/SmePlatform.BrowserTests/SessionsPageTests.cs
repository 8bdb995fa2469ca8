using Microsoft.Playwright;
using SmePlatform.TestSupport;

namespace SmePlatform.BrowserTests;

/// <summary>
/// The sessions page on a phone (390 px): each sign-in reads as a block with its column names, the page is accessible,
/// and "sign out" on the other sign-in ends it, by keyboard.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class SessionsPageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task SessionsPage_OnAPhone_ListsTheSignIns_AndSignsOneOut(string culture)
    {
        var owner = await browser.App.CreateUserAsync();
        await using var laptop = await browser.NewSessionAsync($"{nameof(SessionsPage_OnAPhone_ListsTheSignIns_AndSignsOneOut)}-{culture}-laptop");
        await using var phone = await browser.NewSessionAsync($"{nameof(SessionsPage_OnAPhone_ListsTheSignIns_AndSignsOneOut)}-{culture}-phone", width: 390, height: 844);
        await laptop.RunAsync(async _ =>
        {
            await laptop.SignInAsync(owner);
            await phone.RunAsync(async page =>
            {
                await phone.SignInAsync(owner);
                await page.GotoAsync($"/account/manage/sessions?culture={culture}");

                await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
                Assert.True(await phone.FitsWidthAsync(), "The sessions page is wider than 390 px.");
                await phone.AssertAccessibleAsync();
                var other = page.Locator("tbody tr:not(.current-session) button");
                await other.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
                await Assertions.Expect(page.Locator(".notice")).ToBeVisibleAsync();
                await phone.AssertAccessibleAsync();
            });

            await laptop.Page.GotoAsync("/account/manage");
            Assert.Equal("/account/login", new Uri(laptop.Page.Url).AbsolutePath);
        });
    }
}
