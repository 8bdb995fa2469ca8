using System.Net;
using System.Text;
using System.Text.Json;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class ExportTests(SmeAppFactory factory)
{
    [Fact]
    public async Task Owner_DownloadsEverything_AsJson_AndEachTableAsCsv()
    {
        var (client, owner, business) = await factory.CreateOwnerClientAsync();
        using var _ = client;
        var basics = await client.GetAsync($"/businesses/{business.Id}/profile/basics");
        await client.SubmitFormAsync(basics, [("City", "千代田区")], submit: ("intent", "save"));
        var financials = await client.GetAsync($"/businesses/{business.Id}/profile/financials");
        await client.SubmitFormAsync(financials, [("ClosingDate", "2025-03-31"), ("Sales", "98765432")]);

        using var json = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/json", UriKind.Relative));
        using var csv = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/business", UriKind.Relative));
        using var changes = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/changes", UriKind.Relative));

        var all = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["business", "purposes", "financials", "shareholders", "officers", "self-check-answers", "members", "invitations", "changes", "consents", "reads"], all.EnumerateObject().Select(p => p.Name));
        Assert.Equal("テスト工業株式会社", all.GetProperty("business")[0].GetProperty("Name").GetString());
        Assert.Contains(all.GetProperty("changes").EnumerateArray(), c => c.GetProperty("NewValue").GetString() == "千代田区");
        Assert.Equal(owner.Email, all.GetProperty("members")[0].GetProperty("Email").GetString());
        Assert.Equal(98_765_432, all.GetProperty("financials")[0].GetProperty("Sales").GetInt64());

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.StartsWith("Id,LegalForm,CorporateNumber,Name,", lines[0], StringComparison.Ordinal);
        Assert.Contains("千代田区", lines[1], StringComparison.Ordinal);
        Assert.Contains("千代田区", await changes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTable_Is404()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        using var __ = client;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/businesses/{business.Id}/export/csv/secrets")).Status);
    }
}
