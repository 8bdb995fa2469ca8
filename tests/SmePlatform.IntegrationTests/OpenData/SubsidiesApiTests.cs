using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.OpenData;

/// <summary>The open-data API's contract: jGrants' shape, our extras, its filters, paging, errors and caching.</summary>
[Collection(nameof(PortalCollection))]
public class SubsidiesApiTests(SmeAppFactory factory)
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static int Count(JsonElement list) => list.GetProperty("metadata").GetProperty("resultset").GetProperty("count").GetInt32();

    private static List<string> Ids(JsonElement list) => [.. list.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    private async Task<int> CatalogueTotalAsync(string query)
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync($"/measures?{query}");
        return int.Parse(page.Document.QuerySelector("#results-title")!.GetAttribute("data-total")!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task List_HasJGrantsShape_AndOurExtras()
    {
        var published = await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.Status == MeasureStatus.Published));

        var list = await GetJsonAsync("/api/v1/subsidies?keyword=" + Uri.EscapeDataString("ものづくり") + "&pageSize=100");
        var all = await GetJsonAsync("/api/v1/subsidies?pageSize=100");

        Assert.Equal(published, Count(all));
        var monozukuri = list.GetProperty("result").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "monozukuri-2026");
        Assert.Equal(JsonValueKind.String, monozukuri.GetProperty("id").ValueKind);
        Assert.Contains("ものづくり", monozukuri.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("1/2以内（小規模事業者は2/3以内）", monozukuri.GetProperty("subsidy_rate").GetString());
        Assert.Equal(40_000_000, monozukuri.GetProperty("subsidy_max_limit").GetInt64());   // the largest any applicant can reach (グローバル枠 with the wage top-up)
        Assert.Equal("全国", monozukuri.GetProperty("target_area_search").GetString());
        Assert.Equal("設備投資/研究開発", monozukuri.GetProperty("use_purpose").GetString());
        Assert.EndsWith("+09:00", monozukuri.GetProperty("acceptance_end_datetime").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, monozukuri.GetProperty("subsidy_rate_fraction").GetProperty("numerator").GetInt32());   // the highest rate
        Assert.Equal(3, monozukuri.GetProperty("subsidy_rate_fraction").GetProperty("denominator").GetInt32());
        // The terms as rows: the small-scale row of 6 to 20 employees of the first track, and the top-ups with their commitments.
        Assert.Equal("confirmed", monozukuri.GetProperty("terms_status").GetString());
        var row = monozukuri.GetProperty("terms").EnumerateArray().Single(r => r.GetProperty("track").GetString() == "product"
            && r.GetProperty("size_class").GetString() == "small-scale" && r.GetProperty("employees_min").ValueKind == JsonValueKind.Number && r.GetProperty("employees_min").GetInt32() == 6);
        Assert.Equal(("製品・サービス高付加価値化枠", 2, 3, 10_000_000L, 1_000_000L, 20), (row.GetProperty("track_name").GetString(),
            row.GetProperty("rate").GetProperty("numerator").GetInt32(), row.GetProperty("rate").GetProperty("denominator").GetInt32(),
            row.GetProperty("max_yen").GetInt64(), row.GetProperty("min_yen").GetInt64(), row.GetProperty("employees_max").GetInt32()));
        var topUp = monozukuri.GetProperty("terms_top_ups").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "wage-jump");
        Assert.Equal("大幅賃上げ特例", topUp.GetProperty("name").GetString());
        Assert.Equal(["minimum-wage"], topUp.GetProperty("excludes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("excluding-tax", 1L), (monozukuri.GetProperty("terms_cost_basis").GetString(), monozukuri.GetProperty("terms_rounding_unit_yen").GetInt64()));
        // A loan has a limit and no subsidy terms.
        var loan = all.GetProperty("result").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "safety-net-loan");
        Assert.Equal(("none", 0, 720_000_000L), (loan.GetProperty("terms_status").GetString(), loan.GetProperty("terms").GetArrayLength(), loan.GetProperty("subsidy_max_limit").GetInt64()));
        Assert.Equal(["EquipmentInvestment", "ResearchDevelopment"], monozukuri.GetProperty("use_purpose_codes").EnumerateArray().Select(e => e.GetString()));
        Assert.False(monozukuri.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task Industry_AndArea_AreWrittenInJapanese_WithTheirCodesBeside()
    {
        var all = await GetJsonAsync("/api/v1/subsidies?pageSize=100");
        var regional = all.GetProperty("result").EnumerateArray().First(r => r.GetProperty("prefecture_codes").GetArrayLength() > 0);
        var industrial = all.GetProperty("result").EnumerateArray().First(r => r.GetProperty("jsic_codes").GetArrayLength() > 0);

        Assert.Equal(regional.GetProperty("prefecture_codes").GetArrayLength(), regional.GetProperty("target_area_search").GetString()!.Split('/').Length);
        Assert.Matches("^[^A-Za-z0-9]+$", regional.GetProperty("target_area_search").GetString()!);
        Assert.Equal(industrial.GetProperty("jsic_codes").GetArrayLength(), industrial.GetProperty("industry").GetString()!.Split('/').Length);
    }

    /// <summary>Each API filter answers as many measures as the catalogue page's matching facet.</summary>
    [Theory]
    [InlineData("acceptance=1", "open=true")]
    [InlineData("industry=%E8%A3%BD%E9%80%A0%E6%A5%AD", "industry=E")]
    [InlineData("industry=E", "industry=E")]
    [InlineData("target_area_search=%E6%9D%B1%E4%BA%AC%E9%83%BD", "pref=13")]
    [InlineData("target_area_search=13", "pref=13")]
    [InlineData("use_purpose=ItDx", "purpose=ItDx")]
    [InlineData("use_purpose=IT%E5%B0%8E%E5%85%A5%E3%83%BBDX", "purpose=ItDx")]
    [InlineData("target_number_of_employees=20%E5%90%8D%E4%BB%A5%E4%B8%8B", "employees=UpTo20")]
    [InlineData("keyword=%EF%BC%A9%EF%BC%B4", "q=IT")]
    public async Task Filters_AgreeWithTheCatalogue(string api, string catalogue)
    {
        var list = await GetJsonAsync($"/api/v1/subsidies?{api}&pageSize=100");

        Assert.Equal(await CatalogueTotalAsync(catalogue), Count(list));
        Assert.True(Count(list) > 0, api);
    }

    [Fact]
    public async Task Nationwide_AreaSearch_AnswersOnlyNationwideMeasures()
    {
        var list = await GetJsonAsync("/api/v1/subsidies?target_area_search=%E5%85%A8%E5%9B%BD&pageSize=100");

        Assert.True(Count(list) > 0);
        Assert.All(list.GetProperty("result").EnumerateArray(), r => Assert.Equal("全国", r.GetProperty("target_area_search").GetString()));
    }

    [Theory]
    [InlineData("acceptance_end_datetime", "ASC")]
    [InlineData("acceptance_start_datetime", "DESC")]
    [InlineData("created_date", "DESC")]
    public async Task Sort_OrdersByTheField_WithUndatedLast(string sort, string order)
    {
        var list = await GetJsonAsync($"/api/v1/subsidies?sort={sort}&order={order}&pageSize=100");
        var values = list.GetProperty("result").EnumerateArray()
            .Select(r => r.GetProperty(sort).ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : r.GetProperty(sort).GetDateTimeOffset())
            .ToList();

        var dated = values.TakeWhile(v => v is not null).Select(v => v!.Value).ToList();
        Assert.All(values.Skip(dated.Count), v => Assert.Null(v));
        Assert.Equal(order == "ASC" ? dated.Order() : dated.OrderDescending(), dated);
    }

    [Fact]
    public async Task Pages_CoverEveryResultOnce()
    {
        var first = await GetJsonAsync("/api/v1/subsidies?pageSize=7");
        var pageCount = first.GetProperty("metadata").GetProperty("resultset").GetProperty("pageCount").GetInt32();
        var ids = new List<string>();
        for (var page = 1; page <= pageCount; page++)
        {
            ids.AddRange(Ids(await GetJsonAsync($"/api/v1/subsidies?pageSize=7&page={page}")));
        }

        Assert.Equal(Count(first), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(Ids(await GetJsonAsync($"/api/v1/subsidies?pageSize=7&page={pageCount + 1}")));
    }

    [Theory]
    [InlineData("sort=deadline", "sort")]
    [InlineData("order=UP", "order")]
    [InlineData("acceptance=yes", "acceptance")]
    [InlineData("use_purpose=%E5%AE%87%E5%AE%99", "use_purpose")]
    [InlineData("industry=Z", "industry")]
    [InlineData("target_number_of_employees=7", "target_number_of_employees")]
    [InlineData("target_area_search=Atlantis", "target_area_search")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task BadValue_Gets400ProblemDetails_NamingTheParameter(string query, string parameter)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/subsidies?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMeasure_HasItsDetailAsHtml_AndAnUnknownOrDraftIdIs404()
    {
        var draft = await factory.CreateMeasureAsync(MeasureStatus.Draft);

        var one = await GetJsonAsync("/api/v1/subsidies/id/it-donyu-2026");
        var unknown = await GetJsonAsync("/api/v1/subsidies/id/no-such-measure", HttpStatusCode.NotFound);

        Assert.Equal(["it-donyu-2026"], Ids(one));
        Assert.StartsWith("<p>", one.GetProperty("result")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, unknown.GetProperty("status").GetInt32());
        await GetJsonAsync($"/api/v1/subsidies/id/{draft.Slug}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_CarryAnETag_AndAreCacheable_304WhenUnchanged()
    {
        using var client = factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/v1/subsidies?industry=E", UriKind.Relative));
        var etag = first.Headers.ETag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/subsidies?industry=E");
        again.Headers.IfNoneMatch.Add(etag!);
        using var second = await client.SendAsync(again);
        using var other = await client.GetAsync(new Uri("/api/v1/subsidies?industry=D", UriKind.Relative));

        Assert.NotNull(etag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothEndpoints_AndEveryParameter()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var parameters = paths.GetProperty("/api/v1/subsidies").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());

        Assert.True(paths.TryGetProperty("/api/v1/subsidies/id/{id}", out _));
        Assert.Equal(["keyword", "sort", "order", "acceptance", "use_purpose", "industry", "target_number_of_employees", "target_area_search", "page", "pageSize"], parameters);
    }
}
