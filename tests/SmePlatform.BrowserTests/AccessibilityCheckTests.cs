namespace SmePlatform.BrowserTests;

/// <summary>The accessibility check itself: a page with violations is reported, each with its rule and the element.</summary>
[Collection(nameof(BrowserCollection))]
public class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task APageWithViolations_IsReported_RuleAndElement()
    {
        await using var session = await browser.NewSessionAsync(nameof(APageWithViolations_IsReported_RuleAndElement));
        await session.Page.SetContentAsync("<!doctype html><html><head><title>t</title></head><body><main><img src='data:,'></main></body></html>");

        var violations = await session.AccessibilityViolationsAsync();

        Assert.Contains(violations, v => v.Contains("[image-alt]", StringComparison.Ordinal) && v.Contains("<img", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("[html-has-lang]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoLandmarksOfOneKindAndName_AreReported()
    {
        await using var session = await browser.NewSessionAsync(nameof(TwoLandmarksOfOneKindAndName_AreReported));
        await session.Page.SetContentAsync(
            "<!doctype html><html lang='en'><head><title>t</title></head><body><main><section aria-label='Plan'><h2>Plan</h2>"
            + "<div role='region' aria-label='Plan' tabindex='0'><p>table</p></div></section></main></body></html>");

        var violations = await session.AccessibilityViolationsAsync();

        Assert.Contains(violations, v => v.Contains("[landmark-unique]", StringComparison.Ordinal));
    }
}
