using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class AnalysisDataTests(SmeAppFactory factory)
{
    private async Task<(PortalClient Client, int BusinessId)> OwnerAsync()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        return (client, business.Id);
    }

    [Fact]
    public async Task FinancialYears_AreSavedPerClosingDate_FigureByFigureInTheHistory()
    {
        var (client, id) = await OwnerAsync();
        using var _ = client;
        var form = await client.GetAsync($"/businesses/{id}/profile/financials");

        var first = await client.SubmitFormAsync(form, [("ClosingDate", "2025-03-31"), ("Sales", "１２０,０００,０００"), ("OperatingProfit", "-3000000"), ("Employees", "12"), ("TotalAssets", "90000000")]);
        Assert.Empty(first.ErrorSummary);
        var again = await client.SubmitFormAsync(form, [("ClosingDate", "2025-03-31"), ("Sales", "125000000"), ("OperatingProfit", "-3000000"), ("Employees", "12"), ("TotalAssets", "90000000")]);
        var refused = await client.SubmitFormAsync(form, [("ClosingDate", "2999-03-31"), ("Sales", "-1"), ("Employees", "many")]);

        var year = await factory.WithDbAsync(db => db.FinancialYears.AsNoTracking().SingleAsync(y => y.BusinessId == id));
        Assert.Equal((125_000_000L, -3_000_000L, 12), (year.Sales!.Value, year.OperatingProfit!.Value, year.Employees!.Value));
        Assert.Contains("125,000,000円", again.Text(".financial-years"), StringComparison.Ordinal);
        Assert.Contains("今日以前", refused.ErrorFor("ClosingDate"), StringComparison.Ordinal);
        Assert.Contains("マイナスにできません", refused.ErrorFor("Sales"), StringComparison.Ordinal);
        Assert.Contains("整数", refused.ErrorFor("Employees"), StringComparison.Ordinal);

        var history = await client.GetAsync($"/businesses/{id}/profile/history");
        var sales = history.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).First(text => text.Contains("売上高（2025-03-31）", StringComparison.Ordinal));
        Assert.Contains("120000000", sales, StringComparison.Ordinal);
        Assert.Contains("125000000", sales, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ownership_GivesTheDeemedLargeVerdictWithItsReason_AndSharesCannotPass100()
    {
        var (client, id) = await OwnerAsync();
        using var _ = client;
        var page = await client.GetAsync($"/businesses/{id}/profile/ownership");
        Assert.Contains("当たりません", page.Text("#deemed-title"), StringComparison.Ordinal);

        var deemed = await client.SubmitFormAsync(page, [("Shareholder.HolderName", "大手製造株式会社"), ("Shareholder.SharePercent", "５０"), ("Shareholder.IsLargeEnterprise", "true")],
            "form[action$='/ownership/shareholders']");
        var over = await client.SubmitFormAsync(deemed, [("Shareholder.HolderName", "個人株主"), ("Shareholder.SharePercent", "50.01")], "form[action$='/ownership/shareholders']");

        Assert.Contains("みなし大企業に当たります", deemed.Text("#deemed-title"), StringComparison.Ordinal);
        Assert.Contains("1社の大企業が株式の 50% を保有", deemed.Text(".deemed-reasons"), StringComparison.Ordinal);
        Assert.Contains("100%を超えます", over.ErrorFor("Shareholder_SharePercent"), StringComparison.Ordinal);
        Assert.Equal("個人株主", over.Document.QuerySelector("#Shareholder_HolderName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Activities_AreCheckedForSense()
    {
        var (client, id) = await OwnerAsync();
        using var _ = client;
        var form = await client.GetAsync($"/businesses/{id}/profile/activities");

        var refused = await client.SubmitFormAsync(form, [("Patents", "-2"), ("ExportSharePercent", "150"), ("ExportCountries", "USA")]);
        await client.SubmitFormAsync(form, [("Patents", "3"), ("ExportSharePercent", "20"), ("ExportCountries", "us, vn")]);

        Assert.Contains("0以上の整数", refused.ErrorFor("Patents"), StringComparison.Ordinal);
        Assert.Contains("0から100", refused.ErrorFor("ExportSharePercent"), StringComparison.Ordinal);
        Assert.Contains("2文字", refused.ErrorFor("ExportCountries"), StringComparison.Ordinal);
        var activities = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().Where(b => b.Id == id).Select(b => b.Activities).SingleAsync());
        Assert.Equal((3, 20, "US VN"), (activities.Patents!.Value, activities.ExportSharePercent!.Value, activities.ExportCountries!));
    }
}
