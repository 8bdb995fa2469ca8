using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class BusinessProfileTests(SmeAppFactory factory)
{
    private async Task<(PortalClient Client, TestUser User)> SignedInAsync()
    {
        var user = await factory.CreateUserAsync();
        var client = factory.CreatePortalClient();
        await client.SignInAsync(user);
        return (client, user);
    }

    private static string Spaced(string number) => $"{number[..4]}－{number[4..9]}－{number[9..]}";

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => (char)(c - '0' + '０')));

    [Fact]
    public async Task Register_WithATypedNumber_MakesTheUserItsOwner_Unverified()
    {
        var (client, user) = await SignedInAsync();
        using var _ = client;
        var number = PortalData.NewCorporateNumber();
        var form = await client.GetAsync("/businesses/register");

        var profile = await client.SubmitFormAsync(form,
        [
            ("LegalForm", "Corporation"), ("CorporateNumber", FullWidth(number[..4]) + "-" + number[4..]),
            ("Name", "株式会社テスト登録"), ("NameKana", "かぶしきがいしゃてすととうろく"),
        ]);

        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Matches(@"^/businesses/\d+/profile$", profile.Url.AbsolutePath);
        Assert.Contains("職員の確認前", profile.Text(".notice-warning"), StringComparison.Ordinal);
        var business = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.CorporateNumber == number));
        Assert.Equal("カブシキガイシャテストトウロク", business.NameKana);
        Assert.Equal(VerificationState.Unverified, business.Verification);
        var owner = Assert.Single(business.Members);
        Assert.Equal((user.Id, MemberRole.Owner), (owner.UserId, owner.Role));
        Assert.False(owner.MaySubmitFor(business));
    }

    [Fact]
    public async Task TheSameNumber_TypedAnotherWay_IsRefused_WithWhatToDoInstead()
    {
        var first = await factory.CreateUserAsync();
        var existing = await factory.CreateBusinessAsync(first);
        var (client, _) = await SignedInAsync();
        using var __ = client;
        var form = await client.GetAsync("/businesses/register");

        var page = await client.SubmitFormAsync(form,
            [("LegalForm", "Corporation"), ("CorporateNumber", Spaced(existing.CorporateNumber!)), ("Name", "別の会社"), ("NameKana", "ベツノカイシャ")]);

        Assert.Contains("すでに登録されています", page.ErrorFor("CorporateNumber"), StringComparison.Ordinal);
        Assert.Contains("招待", page.ErrorFor("CorporateNumber"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Businesses.CountAsync(b => b.CorporateNumber == existing.CorporateNumber)));
    }

    [Theory]
    [InlineData("8000012050002", "チェックディジット")]
    [InlineData("700001205000", "13桁")]
    [InlineData("", "法人番号を入力してください")]
    public async Task BadCorporateNumbers_AreRefused_SayingWhy(string typed, string message)
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;
        var form = await client.GetAsync("/businesses/register");

        var page = await client.SubmitFormAsync(form, [("LegalForm", "Corporation"), ("CorporateNumber", typed), ("Name", "株式会社ミス"), ("NameKana", "ミス")]);

        Assert.Contains(message, page.ErrorFor("CorporateNumber"), StringComparison.Ordinal);
        Assert.Equal("株式会社ミス", page.Document.QuerySelector("#Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SoleProprietor_NeedsNoCorporateNumber()
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;
        var form = await client.GetAsync("/businesses/register");

        var page = await client.SubmitFormAsync(form, [("LegalForm", "SoleProprietor"), ("CorporateNumber", ""), ("Name", "やまだ商店"), ("NameKana", "ヤマダショウテン")]);

        Assert.Matches(@"^/businesses/\d+/profile$", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Profile_ShowsTheSmeClassAndWhy_AndChangesAreKeptInTheHistory()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var profile = await client.GetAsync($"/businesses/{business.Id}/profile");
        Assert.Contains("小規模事業者", profile.Text("#sme-title"), StringComparison.Ordinal);
        Assert.Contains("従業員数 12人 ≤ 20人（小規模事業者）", profile.Text(".sme-reasons"), StringComparison.Ordinal);

        var industry = await client.GetAsync($"/businesses/{business.Id}/profile/industry");
        var saved = await client.SubmitFormAsync(industry, [("RegularEmployees", "１５０"), ("Purposes", "ItDx")]);
        Assert.Contains("中小企業", saved.Text("#sme-title"), StringComparison.Ordinal);
        Assert.Contains("従業員数 150人 ≤ 300人", saved.Text(".sme-reasons"), StringComparison.Ordinal);

        var history = await client.GetAsync($"/businesses/{business.Id}/profile/history");
        var row = history.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).First(text => text.Contains("常時使用する従業員数", StringComparison.Ordinal));
        Assert.Contains("12", row, StringComparison.Ordinal);
        Assert.Contains("150", row, StringComparison.Ordinal);
        Assert.Contains("自己申告", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApplications_AreOneLinkAway_AndTheBusinessList_WritesEachLanguagesPunctuation()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);

        var profile = await client.GetAsync($"/businesses/{business.Id}/profile");
        var link = profile.Document.QuerySelectorAll("a").Single(a => a.TextContent == "申請一覧");
        Assert.Equal($"/businesses/{business.Id}/applications", link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.GetAttribute("href")!)).Status);

        Assert.Contains("（管理者・", (await client.GetAsync("/businesses?culture=ja")).Text(".link-list"), StringComparison.Ordinal);
        var english = (await client.GetAsync("/businesses?culture=en")).Text(".link-list");
        Assert.Contains("(Owner, ", english, StringComparison.Ordinal);
        Assert.DoesNotContain("（", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ShowsTheAddress_TheWayEachLanguageWritesIt()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        await factory.CompleteProfileAsync(business.Id);

        var japanese = await client.GetAsync($"/businesses/{business.Id}/profile?culture=ja");
        var english = await client.GetAsync($"/businesses/{business.Id}/profile?culture=en");

        var address = english.Document.QuerySelectorAll(".summary-list > div").Single(d => d.QuerySelector("dt")!.TextContent == "Address").QuerySelector("dd")!;
        Assert.StartsWith("〒100-0013 東京都千代田区霞が関1-3-1", Address(japanese).TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("千代田区霞が関1-3-1, Tokyo 100-0013, Japan", address.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("千代田区霞が関1-3-1", address.QuerySelector("[lang='ja']")!.TextContent);
        Assert.Null(address.GetAttribute("lang"));

        static AngleSharp.Dom.IElement Address(Page page) =>
            page.Document.QuerySelectorAll(".summary-list > div").Single(d => d.QuerySelector("dt")!.TextContent == "所在地").QuerySelector("dd")!;
    }

    [Fact]
    public async Task Basics_RefuseWhatCannotBeTrue_AndKeepWhatWasTyped()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/basics");
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await client.SubmitFormAsync(form,
            [("NameKana", "Test Kogyo"), ("PostalCode", "123-45"), ("Phone", "12345"), ("CapitalYen", "-1"), ("FoundedOn", tomorrow), ("Website", "javascript:alert(1)")]);

        Assert.Contains("カタカナ", page.ErrorFor("NameKana"), StringComparison.Ordinal);
        Assert.Contains("7桁", page.ErrorFor("PostalCode"), StringComparison.Ordinal);
        Assert.Contains("0から始まる", page.ErrorFor("Phone"), StringComparison.Ordinal);
        Assert.Contains("0以上", page.ErrorFor("CapitalYen"), StringComparison.Ordinal);
        Assert.Contains("未来", page.ErrorFor("FoundedOn"), StringComparison.Ordinal);
        Assert.Contains("https://", page.ErrorFor("Website"), StringComparison.Ordinal);
        Assert.Equal("123-45", page.Document.QuerySelector("#PostalCode")!.GetAttribute("value"));
    }

    /// <summary>Without JavaScript: the lookup button fills only the empty fields, keeps the typed street and says what it did.</summary>
    [Fact]
    public async Task LookUp_KeepsTheTypedStreet_AndFillsOnlyWhatIsEmpty_SayingWhat()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/basics");

        var page = await client.SubmitFormAsync(form, [("PostalCode", "530-0001"), ("Street", "梅田1-1-1 大阪ビル5階"), ("Phone", "06-1234-5678")], submit: ("intent", "lookup"));

        Assert.Equal("梅田1-1-1 大阪ビル5階", page.Document.QuerySelector("#Street")!.GetAttribute("value"));
        Assert.Equal("大阪市北区", page.Document.QuerySelector("#City")!.GetAttribute("value"));
        Assert.Equal("27", page.Document.QuerySelector("#PrefectureCode option[selected]")!.GetAttribute("value"));
        Assert.Equal("06-1234-5678", page.Document.QuerySelector("#Phone")!.GetAttribute("value"));
        Assert.Equal("郵便番号から都道府県、市区町村を入力しました。", page.Text("[data-postal-status]"));

        // A street that does not start with the town is kept too, and the notice names it beside the postal code's address.
        var moved = await client.SubmitFormAsync(page, [("Street", "霞が関1-3-1")], submit: ("intent", "lookup"));

        Assert.Equal("霞が関1-3-1", moved.Document.QuerySelector("#Street")!.GetAttribute("value"));
        Assert.Equal("入力済みの町名・番地・建物は変えていません。この郵便番号の住所は「大阪府大阪市北区梅田」です。違う場合は直してください。", moved.Text("[data-postal-status]"));
        Assert.Null(await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).Select(b => b.Street).SingleAsync()));
    }

    /// <summary>With JavaScript the page asks the same question for the fields and the notice only: the same rule, the same words.</summary>
    [Theory]
    [InlineData("ja", "", "梅田", "郵便番号から都道府県、市区町村、町名を入力しました。番地と建物名を続けて入力してください。")]
    [InlineData("ja", "梅田1-1-1 大阪ビル5階", "梅田1-1-1 大阪ビル5階", "郵便番号から都道府県、市区町村を入力しました。")]
    [InlineData("en", "梅田1-1-1 大阪ビル5階", "梅田1-1-1 大阪ビル5階", "Filled in from the postal code: prefecture, city.")]
    [InlineData("en", "1-1-1", "1-1-1", "Filled in from the postal code: prefecture, city. Kept as you typed it: street and building. This postal code's address is <span lang=\"ja\">大阪市北区梅田</span>, Osaka, Japan; correct whichever is wrong.")]
    public async Task LookUp_ForTheScript_AnswersTheFieldsAndTheNotice_KeepingTheTypedStreet(string culture, string street, string expectedStreet, string notice)
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/basics?culture={culture}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken,
            ["Version"] = "0",
            ["Name"] = business.Name,
            ["NameKana"] = business.NameKana,
            ["PostalCode"] = "５３０－０００１",
            ["PrefectureCode"] = "",
            ["City"] = "",
            ["Street"] = street,
            ["intent"] = "lookup",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/businesses/{business.Id}/profile/basics", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = answer.RootElement;
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Equal(("5300001", "27", "大阪市北区", expectedStreet), (root.GetProperty("postalCode").GetString(), root.GetProperty("prefectureCode").GetString(), root.GetProperty("city").GetString(), root.GetProperty("street").GetString()));
        Assert.Equal(notice, root.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task ThePhoneNumber_IsShownWithItsAreaCodeApart_OnTheProfileAndInItsHistory()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/basics");

        await client.SubmitFormAsync(form, [("Phone", "０６－１２３４－５６７８")], submit: ("intent", "save"));

        Assert.Equal("0612345678", await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).Select(b => b.Phone).SingleAsync()));
        var profile = await client.GetAsync($"/businesses/{business.Id}/profile");
        var phone = profile.Document.QuerySelectorAll("#basics-title ~ dl div").Single(d => d.QuerySelector("dt")!.TextContent == "電話番号");
        Assert.Equal("06-1234-5678", phone.QuerySelector("dd")!.TextContent.Trim());
        var history = await client.GetAsync($"/businesses/{business.Id}/profile/history");
        Assert.Contains(history.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("電話番号", StringComparison.Ordinal) && r.TextContent.Contains("06-1234-5678", StringComparison.Ordinal));
    }

    /// <summary>The history shows coded fields as the profile page does: purposes by their labels, not their stored names.</summary>
    [Fact]
    public async Task TheHistory_ShowsPurposesByTheirLabels_NotTheirCodes()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/industry");

        await client.SubmitFormAsync(form, [("Purposes", "ItDx"), ("Purposes", "EquipmentInvestment")]);

        var history = await client.GetAsync($"/businesses/{business.Id}/profile/history");
        var row = history.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("取り組みたいこと", StringComparison.Ordinal));
        Assert.Contains("設備投資、IT導入・DX", System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("EquipmentInvestment", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Industry_MustBeConsistent_AndPreciseWhereTheRulesNeedIt()
    {
        var (client, owner) = await SignedInAsync();
        using var _ = client;
        var business = await factory.CreateBusinessAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/industry");

        var mismatch = await client.SubmitFormAsync(form, [("IndustryMajor", "I"), ("IndustryMiddle", "09")]);
        var needsMinor = await client.SubmitFormAsync(form, [("IndustryMajor", "E"), ("IndustryMiddle", "19"), ("IndustryMinor", "")]);

        Assert.Contains("大分類に属する中分類", mismatch.ErrorFor("IndustryMiddle"), StringComparison.Ordinal);
        Assert.Contains("小分類も選んでください", needsMinor.ErrorFor("IndustryMinor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_SeesTheProfile_ButNotTheOwnersHistory()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var (client, member) = await SignedInAsync();
        using var _ = client;
        await factory.AddMemberAsync(business, member);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/businesses/{business.Id}/profile")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/businesses/{business.Id}/profile/history")).Status);
    }

    [Fact]
    public async Task Reviewer_ConfirmsABusiness_WhichMayThenSubmit_AndItIsAudited()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var queue = await reviewer.GetAsync("/admin/verification");

        await reviewer.SubmitFormAsync(queue, [("evidence", "MailedCode")], $"form[action='/admin/verification/{business.Id}']");

        var confirmed = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().Include(b => b.Members).SingleAsync(b => b.Id == business.Id));
        Assert.Equal((VerificationState.Verified, VerificationEvidence.MailedCode), (confirmed.Verification, confirmed.VerificationEvidence!.Value));
        Assert.True(confirmed.Members.Single().MaySubmitFor(confirmed));
        var subject = business.Id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "business.verified" && e.SubjectId == subject)));
        Assert.True(await factory.WithDbAsync(db => db.ProfileChanges.AnyAsync(c => c.BusinessId == business.Id && c.Source == ProfileSource.VerifiedByStaff)));
    }

    [Fact]
    public async Task BusinessUser_Gets403_OnTheVerificationQueue()
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/verification")).Status);
    }
}
