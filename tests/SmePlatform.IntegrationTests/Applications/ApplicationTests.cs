using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Applications.Submit;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>The applicant's journey through HTTP: prefill, steps, checks, attachments, submission and its receipt.</summary>
[Collection(nameof(PortalCollection))]
public class ApplicationTests(SmeAppFactory factory)
{
    /// <summary>A verified business with the full basics the demo forms take, its owner signed in.</summary>
    private async Task<(PortalClient Client, TestUser Owner, Business Business)> ApplicantAsync(bool verified = true)
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified);
        await factory.CompleteProfileAsync(business.Id);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, owner, business);
    }

    private static async Task<Page> StartAsync(PortalClient client, Business business, string measure = "monozukuri-2026")
    {
        var start = await client.GetAsync($"/applications/new?measure={measure}");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        return await client.SubmitFormAsync(start, [("businessId", business.Id.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>Fills every step of the monozukuri form with valid answers, ending on the check page.</summary>
    private static async Task<Page> FillAsync(PortalClient client, Page profileStep, long requested = 1_000_000, long amount = 3_000_000)
    {
        var page = await client.GetAsync(profileStep.Document.QuerySelector("main a.btn-primary")!.GetAttribute("href")!);
        page = await client.SubmitFormAsync(page, [
            ("Answers.theme", "新型NC旋盤による短納期化"), ("Answers.challenge", "納期が長い"), ("Answers.approach", "NC旋盤を導入する"),
            ("Answers.valueAddedGrowth", "３．５")],
            submit: ("intent", "next"), files: [("Files.planFile", "事業計画書.pdf", SampleFiles.Pdf(1024))]);
        Assert.Empty(page.ErrorSummary);
        page = await client.SubmitFormAsync(page, [("Answers.wageRaise", "15"), ("Answers.minimumWage", "1,100円")], submit: ("intent", "next"));
        Assert.Empty(page.ErrorSummary);
        page = await client.SubmitFormAsync(page, [
            ("Track", "product"), ("ProjectStart", "2027-01-04"), ("ProjectEnd", "2027-09-30"), ("RequestedYen", requested.ToString(CultureInfo.InvariantCulture)),
            ("Lines[0].Category", "Machinery"), ("Lines[0].Description", "NC旋盤"), ("Lines[0].Vendor", "株式会社サンプル機械"),
            ("Lines[0].InvoiceRegistrationNumber", "Ｔ７０００－０１２０５－０００２"), ("Lines[0].QuoteNumber", "Q-2026-001"), ("Lines[0].AmountYen", amount.ToString(CultureInfo.InvariantCulture))],
            submit: ("intent", "next"));
        Assert.Empty(page.ErrorSummary);
        Assert.True(page.Url.AbsolutePath.EndsWith("/check", StringComparison.Ordinal), $"{page.Url}: {page.Text("main")}");
        return page;
    }

    [Fact]
    public async Task Start_ForAMeasureWithoutAnOnlineForm_LeadsToHowToApply_AndForNoMeasure_IsNotFound()
    {
        var (client, _, _) = await ApplicantAsync();

        var elsewhere = await client.GetAsync("/applications/new?measure=keiei-kyoka-zeisei");
        var draft = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Draft);
        var unknown = await client.GetAsync($"/applications/new?measure={draft.Slug}");

        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        Assert.Equal("/measures/keiei-kyoka-zeisei", elsewhere.Url.AbsolutePath);
        Assert.Contains("実施機関にお問い合わせください", elsewhere.Text("#apply"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task TheProfile_IsPrefilled_AndNotAskedAgain()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;

        var profile = await StartAsync(client, business);
        var plan = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/sections/plan", StringComparison.Ordinal));
        var expenses = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/expenses", StringComparison.Ordinal));

        Assert.Contains("テスト工業株式会社", profile.Text("main"), StringComparison.Ordinal);
        Assert.Contains("中小 太郎", profile.Text("main"), StringComparison.Ordinal);
        Assert.Contains("霞が関1-3-1", profile.Text("main"), StringComparison.Ordinal);
        Assert.Empty(profile.Document.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"));
        // No step of the form asks for a profile item again.
        var asked = plan.Document.QuerySelectorAll("main [name]").Concat(expenses.Document.QuerySelectorAll("main [name]")).Select(e => e.GetAttribute("name")!).ToList();
        Assert.DoesNotContain(asked, name => ProfilePrefillFields.Any(field => name.EndsWith(field, StringComparison.OrdinalIgnoreCase)));
    }

    private static readonly string[] ProfilePrefillFields = [.. SmePlatform.Web.Features.Businesses.ProfilePrefill.Fields];

    [Fact]
    public async Task AChangedProfileItem_ReachesTheProfile_OnlyAfterConfirmation()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var change = await client.GetAsync(profile.Url.AbsolutePath + "/change");

        var review = await client.SubmitFormAsync(change, [("Values[City]", "港区"), ("Values[Phone]", "123")], submit: ("intent", "review"));
        Assert.True(review.ErrorSummary.Count > 0, review.Url + review.Text("main"));
        Assert.NotNull(review.ErrorFor("Values_Phone_"));
        Assert.Equal("港区", review.Document.QuerySelector("#Values_City_")!.GetAttribute("value"));

        review = await client.SubmitFormAsync(review, [("Values[Phone]", "03-9999-0000")], submit: ("intent", "review"));
        Assert.Contains("港区", review.Text("main table"), StringComparison.Ordinal);
        Assert.Equal("千代田区", await CityAsync(business.Id));

        var confirmed = await client.SubmitFormAsync(review, [], submit: ("intent", "confirm"));
        Assert.Contains("港区", confirmed.Text("main"), StringComparison.Ordinal);
        Assert.Equal("港区", await CityAsync(business.Id));
        var source = await factory.WithDbAsync(db => db.ProfileChanges.Where(c => c.BusinessId == business.Id && c.Field == "City").Select(c => c.Source).SingleAsync());
        Assert.Equal(ProfileSource.FromApplication, source);
    }

    private Task<string?> CityAsync(int businessId) =>
        factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == businessId).Select(b => b.City).SingleAsync());

    [Fact]
    public async Task ASubmission_GivesAReceipt_WithItsNumberTimeHashAndFiles_AndTellsTheApplicant()
    {
        var (client, owner, business) = await ApplicantAsync();
        using var _ = client;
        var check = await FillAsync(client, await StartAsync(client, business));
        Assert.Contains("2,000,000円", check.Text(".checks"), StringComparison.Ordinal);

        var receipt = await client.SubmitFormAsync(check, []);

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        var number = receipt.Text("[data-application-number]");
        Assert.Matches(@"^\d{4}-MONO-\d{6}$", number);
        var hash = receipt.Text("[data-content-hash]");
        var submission = await factory.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.ApplicationNumber == number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Content))), hash);
        Assert.Contains("改ざんなし", receipt.Text("[data-integrity]"), StringComparison.Ordinal);
        Assert.Contains("事業計画書.pdf", receipt.Text("main table"), StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf(1024))), receipt.Text("main table"), StringComparison.Ordinal);
        // The profile snapshot is frozen in the content.
        Assert.Contains("\"RepresentativeName\":\"中小 太郎\"", submission.Content, StringComparison.Ordinal);
        Assert.Contains("\"invoiceRegistrationNumber\":\"T7000012050002\"", submission.Content, StringComparison.Ordinal);

        await factory.DeliverOutboxAsync(m => m.RecipientUserId == owner.Id);
        var email = factory.Mailbox.MessagesTo(owner.Email).Last(m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal) && (m.TextBody ?? "").Contains(hash, StringComparison.Ordinal));
        Assert.Contains("事業計画書.pdf", email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("outbox-", email.MessageId, StringComparison.Ordinal);
        var notices = await client.GetAsync("/notices");
        Assert.Contains(number, notices.Text("main"), StringComparison.Ordinal);
        var show = await client.GetAsync(receipt.Url.AbsolutePath[..receipt.Url.AbsolutePath.IndexOf("/receipts", StringComparison.Ordinal)]);
        Assert.Contains("申請済み", show.Text("main"), StringComparison.Ordinal);
        Assert.Contains("下書き", show.Text(".timeline"), StringComparison.Ordinal);
    }

    /// <summary>The fields of the profile block and of the sections, as a page shows them, in its order.</summary>
    private static List<string> AnswerFields(Page page) =>
        [.. page.Document.QuerySelectorAll("[data-answers] [data-field]").Select(e => e.GetAttribute("data-field")!)];

    private static string Shown(Page page, string field) => page.Text($"[data-answers] [data-field='{field}'] dd");

    [Fact]
    public async Task TheCheckPage_TheReceipt_AndTheReviewer_ShowWhatTheApplicantChose_InTheFormsOrder()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var check = await FillAsync(client, await StartAsync(client, business));
        var receipt = await client.SubmitFormAsync(check, []);
        var applicationId = int.Parse(receipt.Url.AbsolutePath.Split('/')[4], CultureInfo.InvariantCulture);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(Web.Data.StaffRoles.Reviewer);
        var review = await reviewer.GetAsync($"/review/{applicationId}");

        var form = (await factory.WithDbAsync(db => db.ApplicationForms.AsNoTracking()
            .Where(f => db.Applications.Any(a => a.Id == applicationId && a.FormId == f.Id)).SingleAsync())).Read();
        List<string> inFormOrder = [.. form.ProfileFields, .. form.Fields.Select(f => f.Key)];
        foreach (var page in new[] { check, receipt, review })
        {
            Assert.Equal(inFormOrder, AnswerFields(page));
            // Labels, not stored codes: the prefecture from its JIS code, the industry from its JSIC code, what was chosen.
            Assert.Equal("東京都", Shown(page, "PrefectureCode"));
            Assert.Equal("製造業", Shown(page, "IndustryMajor"));
            Assert.Equal("食料品製造業", Shown(page, "IndustryMiddle"));
            Assert.Equal("10,000,000円", Shown(page, "CapitalYen"));
            Assert.Equal("2001年（平成13年）4月1日", Shown(page, "FoundedOn"));
            Assert.Equal("100-0013", Shown(page, "PostalCode"));
            // The track chosen, and the row of the terms that applied, as submitted.
            Assert.Contains("製品・サービス高付加価値化枠", page.Text(".applied-terms"), StringComparison.Ordinal);
            Assert.Equal("3.5", Shown(page, "valueAddedGrowth"));
            Assert.Equal("1.5%以上", Shown(page, "wageRaise"));
            Assert.Equal("1,100円", Shown(page, "minimumWage"));
            Assert.Equal("事業計画書.pdf (1 KB)", Shown(page, "planFile"));
        }

        Assert.Equal("1回目", receipt.Text("[data-round]"));
        Assert.Contains("提出回数", receipt.Text("main dl"), StringComparison.Ordinal);
        Assert.Contains("1回目の提出", review.Text("main dl"), StringComparison.Ordinal);
        var english = await client.GetAsync(receipt.Url.AbsolutePath + "?culture=en");
        Assert.Equal(("Tokyo", "Manufacturing", "1.5% or more", "¥1,100", "1 April 2001"), (Shown(english, "PrefectureCode"), Shown(english, "IndustryMajor"), Shown(english, "wageRaise"), Shown(english, "minimumWage"), Shown(english, "FoundedOn")));
        Assert.Equal("1st", english.Text("[data-round]"));
    }

    [Fact]
    public async Task EverySectionButton_KeepsWhatWasTyped_AndADecimalIsTakenAsTyped()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var planUrl = profile.Url.AbsolutePath.Replace("/profile", "/sections/plan", StringComparison.Ordinal);
        var applicationId = int.Parse(planUrl.Split('/')[4], CultureInfo.InvariantCulture);
        Task<string?> StoredAsync(string key) => factory.WithDbAsync(db => db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == key).Select(a => a.Value).SingleOrDefaultAsync());
        var plan = await client.GetAsync(planUrl);
        Assert.Equal("decimal", plan.Document.QuerySelector("#Answers_valueAddedGrowth")?.GetAttribute("inputmode"));
        Assert.Contains("小数点以下1桁まで", plan.Text("#Answers_valueAddedGrowth-hint"), StringComparison.Ordinal);

        // The walk-through: "３．５" typed, then the upload button pressed.
        var uploaded = await client.SubmitFormAsync(plan, [("Answers.valueAddedGrowth", "３．５")], submit: ("intent", "stay"), files: [("Files.planFile", "事業計画書.pdf", SampleFiles.Pdf(1024))]);
        Assert.Empty(uploaded.ErrorSummary);
        Assert.Equal("３．５", uploaded.Document.QuerySelector("#Answers_valueAddedGrowth")?.GetAttribute("value"));
        Assert.Equal("3.5", await StoredAsync("valueAddedGrowth"));

        // Every button of the page — remove a file, upload, next, later — with a wrong answer beside right ones: the
        // right ones are saved, the wrong one comes back beside its field as typed, never dropped unseen.
        var buttons = uploaded.Document.QuerySelectorAll("main form button[type=submit]:not([hidden])").Select(b => (Name: b.GetAttribute("name")!, Value: b.GetAttribute("value")!)).ToList();
        Assert.Equal(["remove", "intent", "intent", "intent"], buttons.Select(b => b.Name));
        var page = uploaded;
        foreach (var (name, value) in buttons)
        {
            var theme = $"計画名-{value}";
            page = await client.SubmitFormAsync(page, [("Answers.theme", theme), ("Answers.valueAddedGrowth", "3.55")], submit: (name, value));

            Assert.Equal(planUrl, page.Url.AbsolutePath);
            Assert.Equal(theme, page.Document.QuerySelector("#Answers_theme")?.GetAttribute("value"));
            Assert.Equal("3.55", page.Document.QuerySelector("#Answers_valueAddedGrowth")?.GetAttribute("value"));
            Assert.Contains("小数点以下1桁まで", page.ErrorFor("Answers_valueAddedGrowth"), StringComparison.Ordinal);
            Assert.Contains(page.Document.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#Answers_valueAddedGrowth");
            Assert.Equal(theme, await StoredAsync("theme"));
            Assert.Equal("3.5", await StoredAsync("valueAddedGrowth"));
        }

        // The autosave says so too: 422, with what was right saved.
        var autosave = await client.PostWithoutFollowingAsync(planUrl, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken,
            ["Answers.theme"] = "自動保存された計画名",
            ["Answers.valueAddedGrowth"] = "３．５５",
            ["intent"] = "autosave",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, autosave.StatusCode);
        Assert.Equal("自動保存された計画名", await StoredAsync("theme"));
    }

    [Fact]
    public async Task TheCheckPage_OfAnEmptyDraft_AsksToEnterEachMissingAnswer_AndToSelectEachMissingChoice()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profileStep = await StartAsync(client, business);
        var check = profileStep.Url.AbsolutePath.Replace("/profile", "/check", StringComparison.Ordinal);

        var japanese = (await client.GetAsync($"{check}?culture=ja")).Document.QuerySelectorAll("#blockers-title + ul li").Select(li => li.TextContent.Trim()).ToList();
        var english = (await client.GetAsync($"{check}?culture=en")).Document.QuerySelectorAll("#blockers-title + ul li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Contains("「事業計画名」を入力してください", japanese);
        Assert.Contains("「給与支給総額の年平均成長率」を選択してください", japanese);
        Assert.DoesNotContain(japanese, text => text.Contains("正しく", StringComparison.Ordinal));
        Assert.Contains("Enter “Project title”", english);
        Assert.Contains("Select “Yearly growth of total wages”", english);
    }

    [Fact]
    public async Task Next_WithEmptyAnswers_NamesEachFieldBesideItAndInTheSummary()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profileStep = await StartAsync(client, business);
        var plan = await client.GetAsync(profileStep.Document.QuerySelector("main a.btn-primary")!.GetAttribute("href")!);

        var refused = await client.SubmitFormAsync(plan, [("Answers.theme", ""), ("Answers.valueAddedGrowth", "多い")], submit: ("intent", "next"));
        var wages = await client.GetAsync(plan.Url.AbsolutePath.Replace("/sections/plan", "/sections/wages", StringComparison.Ordinal));
        var noChoice = await client.SubmitFormAsync(wages, [("Answers.wageRaise", "")], submit: ("intent", "next"));

        Assert.Equal("「事業計画名」を入力してください", refused.ErrorFor("Answers_theme"));
        Assert.Equal("「給与支給総額の年平均成長率」を選択してください", noChoice.ErrorFor("Answers_wageRaise"));
        Assert.StartsWith("「", refused.ErrorFor("Answers_valueAddedGrowth"), StringComparison.Ordinal);
        Assert.Contains("「事業計画名」を入力してください", refused.ErrorSummary);
        Assert.DoesNotContain(refused.ErrorSummary, message => message.Contains("正しく", StringComparison.Ordinal));
        // A required file not attached is named too, as the check page names it.
        Assert.Equal("「事業計画書（PDF等）」のファイルを添付してください", refused.ErrorFor("Files_planFile"));
        Assert.Contains("「事業計画書（PDF等）」のファイルを添付してください", refused.ErrorSummary);
        var english = await client.SubmitFormAsync(await client.GetAsync(plan.Url.AbsolutePath + "?culture=en"), [], submit: ("intent", "next"));
        Assert.Equal("Attach the file for “Project plan document (PDF etc.)”", english.ErrorFor("Files_planFile"));
    }

    [Fact]
    public async Task AFieldWithAMaximumLength_SaysItsLimitInItsHint_BeforeAnythingIsTyped_InBothLanguages()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profileStep = await StartAsync(client, business);
        var planUrl = profileStep.Url.AbsolutePath.Replace("/profile", "/sections/plan", StringComparison.Ordinal);

        var japanese = await client.GetAsync(planUrl + "?culture=ja");
        var english = await client.GetAsync(planUrl + "?culture=en");

        // After the form's own hint, where it has one; a field without a limit says none.
        Assert.Equal("30字程度で、取り組みの中身が分かるように。60文字以内で入力できます。", japanese.Text("#Answers_theme-hint"));
        Assert.Equal("2000文字以内で入力できます。", japanese.Text("#Answers_challenge-hint"));
        Assert.Equal("4000文字以内で入力できます。", japanese.Text("#Answers_approach-hint"));
        Assert.DoesNotContain("文字以内", japanese.Text("#Answers_valueAddedGrowth-hint"), StringComparison.Ordinal);
        Assert.Equal("About 30 characters, saying what the project does. Up to 60 characters.", english.Text("#Answers_theme-hint"));
        Assert.Equal("Up to 2000 characters.", english.Text("#Answers_challenge-hint"));
        // Announced with the field: the hint is part of its description.
        Assert.Contains("Answers_challenge-hint", japanese.Document.QuerySelector("#Answers_challenge")?.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
    }

    /// <summary>The project period, amount requested and expense lines of a page (the one rendering the check page, the receipt and the reviewer share).</summary>
    private static string Expenses(Page page)
    {
        Assert.Single(page.Document.QuerySelectorAll("[data-expenses]"));
        return page.Text("[data-expenses]");
    }

    [Fact]
    public async Task TheReceipt_ShowsTheProjectPeriodRequestedAmountAndExpenseLines_AsSubmitted_AsTheCheckPageAndTheReviewerDo()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        // Changed since it was submitted (round 1): the receipt and the reviewer show what was submitted, the check page what is there now.
        await factory.WithDbAsync(db => db.ExpenseLines.Where(e => e.ApplicationId == applicationId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Description, "変更後の内容")));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(Web.Data.StaffRoles.Reviewer);
        var path = $"/businesses/{business.Id}/applications/{applicationId}";

        var check = await client.GetAsync($"{path}/check");
        var receipt = await client.GetAsync($"{path}/receipts/1");
        var review = await reviewer.GetAsync($"/review/{applicationId}");

        foreach (var page in new[] { check, receipt, review })
        {
            var shown = Expenses(page);
            Assert.Contains("2027年（令和9年）1月4日から2027年（令和9年）9月30日まで", shown, StringComparison.Ordinal);
            Assert.Contains("1,000,000円", shown, StringComparison.Ordinal);
            foreach (var cell in new[] { "機械装置費", "株式会社サンプル機械", "T7000012050002", "Q-1", "3,000,000円" })
            {
                Assert.Contains(cell, page.Text("[data-expenses] tbody"), StringComparison.Ordinal);
            }
        }

        Assert.Contains("変更後の内容", Expenses(check), StringComparison.Ordinal);
        Assert.Contains("NC旋盤", Expenses(receipt), StringComparison.Ordinal);
        Assert.DoesNotContain("変更後の内容", Expenses(receipt), StringComparison.Ordinal);
        Assert.Contains("NC旋盤", Expenses(review), StringComparison.Ordinal);
        // Only the applicant's own page links to the step to change it.
        Assert.NotNull(check.Document.QuerySelector($"[data-expenses] a[href='{path}/expenses']"));
        Assert.Null(receipt.Document.QuerySelector("[data-expenses] a"));
        var english = Expenses(await client.GetAsync($"{path}/receipts/1?culture=en"));
        Assert.Contains("4 January 2027 to 30 September 2027", english, StringComparison.Ordinal);
        Assert.Contains("¥1,000,000", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReceiptEmail_NamesTheMeasureAndTheAmountRequested_InBothLanguages()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var receipt = await client.SubmitFormAsync(await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check"), []);
        await factory.DeliverOutboxAsync(m => m.Template == Outbox.ReceiptTemplate);

        var hash = receipt.Text("[data-content-hash]");
        var body = Assert.Single(factory.Mailbox.MessagesTo(owner.Email), m => (m.TextBody ?? "").Contains(hash, StringComparison.Ordinal)).TextBody;
        var measure = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "monozukuri-2026").Select(m => new { m.TitleJa, m.TitleEn }).SingleAsync());
        Assert.Contains($"支援策：{measure.TitleJa}", body, StringComparison.Ordinal);
        Assert.Contains("補助金申請額：1,000,000円", body, StringComparison.Ordinal);
        Assert.Contains($"Measure: {measure.TitleEn}", body, StringComparison.Ordinal);
        Assert.Contains("Amount requested: ¥1,000,000", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnverifiedBusiness_CannotSubmit_AndCanOnceVerified()
    {
        var (client, _, business) = await ApplicantAsync(verified: false);
        using var _ = client;
        var check = await FillAsync(client, await StartAsync(client, business));

        Assert.Contains("事業者の確認", check.Text("main"), StringComparison.Ordinal);
        Assert.Null(check.Document.QuerySelector("form[data-submit-once]"));
        var forced = await client.PostAsync(check.Url.AbsolutePath.Replace("/check", "/submit", StringComparison.Ordinal),
            new Dictionary<string, string> { ["__RequestVerificationToken"] = check.AntiforgeryToken, ["idempotencyKey"] = Guid.NewGuid().ToString("N"), ["version"] = "0" });
        Assert.Contains("申請する権限がありません", forced.Text(".error-summary"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Submissions.AnyAsync(s => db.Applications.Any(a => a.Id == s.ApplicationId && a.BusinessId == business.Id))));

        // Staff verify the business (evidence: the certificate of registered matters) from their queue.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(Web.Data.StaffRoles.Reviewer);
        var queue = await reviewer.GetAsync("/admin/verification");
        var verified = await reviewer.PostWithoutFollowingAsync($"/admin/verification/{business.Id}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = queue.AntiforgeryToken,
            ["evidence"] = nameof(VerificationEvidence.RegistryCertificate),
        });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(VerificationState.Verified, await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).Select(b => b.Verification).SingleAsync()));
        var receipt = await client.SubmitFormAsync(await client.GetAsync(check.Url.AbsolutePath), []);
        Assert.Matches(@"^\d{4}-MONO-\d{6}$", receipt.Text("[data-application-number]"));
    }

    [Fact]
    public async Task AMember_SubmitsOnlyWithTheSubmitRight()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        var drafter = await factory.CreateUserAsync();
        var submitter = await factory.CreateUserAsync();
        await factory.AddMemberAsync(business, drafter, canSubmit: false);
        await factory.AddMemberAsync(business, submitter, canSubmit: true);
        await factory.CompleteProfileAsync(business.Id);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var path = $"/businesses/{business.Id}/applications/{applicationId}/check";

        using var drafterClient = factory.CreatePortalClient();
        await drafterClient.SignInAsync(drafter);
        using var submitterClient = factory.CreatePortalClient();
        await submitterClient.SignInAsync(submitter);

        Assert.Contains("申請（提出）の権限がありません", (await drafterClient.GetAsync(path)).Text("main"), StringComparison.Ordinal);
        var receipt = await submitterClient.SubmitFormAsync(await submitterClient.GetAsync(path), []);
        Assert.Contains("/receipts/2", receipt.Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneSubmission_SendsEachPersonOneEmail_TheSubmitterTheReceipt_WithLinksOnThePublicAddress()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        var submitter = await factory.CreateUserAsync();
        await factory.AddMemberAsync(business, submitter, canSubmit: true);
        await factory.CompleteProfileAsync(business.Id);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.Email);
        var before = (factory.Mailbox.MessagesTo(owner.Email).Count, factory.Mailbox.MessagesTo(submitter.Email).Count);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(submitter);

        var receipt = await client.SubmitFormAsync(await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check"), []);
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.Email);

        var number = receipt.Text("[data-application-number]");
        var toSubmitter = factory.Mailbox.MessagesTo(submitter.Email).Skip(before.Item2).ToList();
        var toOwner = factory.Mailbox.MessagesTo(owner.Email).Skip(before.Item1).ToList();
        // The submitter gets the receipt only; the Owner, who did not submit, is told of it once.
        var theReceipt = Assert.Single(toSubmitter);
        Assert.Contains(receipt.Text("[data-content-hash]"), theReceipt.TextBody, StringComparison.Ordinal);
        var told = Assert.Single(toOwner);
        Assert.Contains(number, told.Subject, StringComparison.Ordinal);
        // Every link is on the configured public address, never the old default origin.
        foreach (var (message, path) in new[] { (theReceipt, $"/businesses/{business.Id}/applications/{applicationId}/receipts/2"), (told, $"/businesses/{business.Id}/applications/{applicationId}") })
        {
            Assert.All(Mailbox.Links(message), link => Assert.StartsWith(factory.PublicBaseUrl + "/", link, StringComparison.Ordinal));
            Assert.Contains(factory.PublicBaseUrl + path, Mailbox.Links(message));
        }
    }

    [Fact]
    public async Task TwentyConcurrentPosts_OfOneSubmission_MakeOneApplicationAndOneReceipt()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var check = await FillAsync(client, await StartAsync(client, business));
        var form = check.Document.QuerySelector("form[data-submit-once]")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = check.AntiforgeryToken,
            ["idempotencyKey"] = form.QuerySelector("[name=idempotencyKey]")!.GetAttribute("value")!,
            ["version"] = form.QuerySelector("[name=version]")!.GetAttribute("value")!,
        };
        var action = form.GetAttribute("action")!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostWithoutFollowingAsync(action, fields)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.ToString()).Distinct());
        var submissions = await factory.WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => db.Applications.Any(a => a.Id == s.ApplicationId && a.BusinessId == business.Id)).ToListAsync());
        Assert.Single(submissions);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Applications.CountAsync(a => a.BusinessId == business.Id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Template == Outbox.ReceiptTemplate && m.Arguments == Outbox.ReceiptKey(submissions[0].ApplicationId, submissions[0].Round))));
    }

    [Fact]
    public async Task ACompetingSubmission_BetweenTheCheckAndTheInsert_StillMakesOne()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        const string key = "competing-key";

        // All three requests have checked and loaded the application (round 2 next, the same version) before any inserts.
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        await using var third = factory.Services.CreateAsyncScope();
        var firstFile = (await first.ServiceProvider.GetRequiredService<ApplicationStore>().LoadAsync(business.Id, applicationId, tracked: true))!;
        var secondFile = (await second.ServiceProvider.GetRequiredService<ApplicationStore>().LoadAsync(business.Id, applicationId, tracked: true))!;
        var thirdFile = (await third.ServiceProvider.GetRequiredService<ApplicationStore>().LoadAsync(business.Id, applicationId, tracked: true))!;
        var won = await first.ServiceProvider.GetRequiredService<SubmitApplicationHandler>().HandleAsync(new(firstFile, firstFile.Application.Version, key, owner.Id));
        var late = await second.ServiceProvider.GetRequiredService<SubmitApplicationHandler>().HandleAsync(new(secondFile, secondFile.Application.Version, key, owner.Id));
        // Another page's submission with its own key loses too, and is told so.
        var other = await third.ServiceProvider.GetRequiredService<SubmitApplicationHandler>().HandleAsync(new(thirdFile, thirdFile.Application.Version, "another-key", owner.Id));

        Assert.Equal(won.Value!.Id, late.Value!.Id);
        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Submissions.CountAsync(s => s.ApplicationId == applicationId)));
        var numbers = await factory.WithDbAsync(db => db.Submissions.Where(s => s.ApplicationId == applicationId).Select(s => s.ApplicationNumber).Distinct().CountAsync());
        Assert.Equal(1, numbers);
    }

    [Fact]
    public async Task ApplicationNumbers_HaveNoGapsOrDuplicates_UnderConcurrentSubmissions()
    {
        var owner = await factory.CreateUserAsync();
        var businesses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.CreateBusinessAsync(owner, verified: true)));
        var ids = new List<(int Business, int Application)>();
        foreach (var business in businesses)
        {
            ids.Add((business.Id, await factory.CreateApplicationAsync(business, owner, measureSlug: "it-donyu-2026")));
        }

        await Task.WhenAll(ids.Select(async id =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var file = (await scope.ServiceProvider.GetRequiredService<ApplicationStore>().LoadAsync(id.Business, id.Application, tracked: true))!;
            await scope.ServiceProvider.GetRequiredService<SubmitApplicationHandler>().HandleAsync(new(file, file.Application.Version, Guid.NewGuid().ToString("N"), owner.Id));
        }));

        var numbers = await factory.WithDbAsync(db => db.Submissions.Where(s => s.ApplicationNumber.Contains("-ITDX-")).Select(s => s.ApplicationNumber).ToListAsync());
        var sequence = numbers.Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sequence.Count), sequence);
    }

    [Fact]
    public async Task AnExecutableNamedPdf_AndADocxWithMacros_AreRefusedWithAMessage()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var plan = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/sections/plan", StringComparison.Ordinal));

        var exe = await client.SubmitFormAsync(plan, [("Answers.theme", "残す入力")], submit: ("intent", "stay"), files: [("Files.planFile", "invoice.pdf", SampleFiles.Executable())]);
        Assert.Contains("中身がファイルの種類と一致しません", exe.ErrorFor("Files_planFile"), StringComparison.Ordinal);
        Assert.Equal("残す入力", exe.Document.QuerySelector("#Answers_theme")!.GetAttribute("value"));
        var macro = await client.SubmitFormAsync(exe, [], submit: ("intent", "stay"), files: [("Files.planFile", "plan.docx", SampleFiles.Docx(macros: true))]);
        Assert.Contains("マクロ", macro.ErrorFor("Files_planFile"), StringComparison.Ordinal);
        var docx = await client.SubmitFormAsync(macro, [], submit: ("intent", "stay"), files: [("Files.planFile", "plan.docx", SampleFiles.Docx())]);
        Assert.Null(docx.ErrorFor("Files_planFile"));
        Assert.Contains("plan.docx", docx.Text(".attachments"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ApplicationAttachments.CountAsync(a => db.Applications.Any(x => x.Id == a.ApplicationId && x.BusinessId == business.Id))));
    }

    [Fact]
    public async Task ASubmissionAfterTheDeadline_IsRefused()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var measure = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Published);
        await factory.WithDbAsync(async db =>
        {
            var form = await db.ApplicationForms.AsNoTracking().Where(f => db.SupportMeasures.Any(m => m.Id == f.MeasureId && m.Slug == "it-donyu-2026")).OrderBy(f => f.Version).FirstAsync();
            db.ApplicationForms.Add(new Web.Data.Applications.ApplicationForm { MeasureId = measure.Id, Version = 1, Definition = form.Definition, CreatedAtUtc = DateTime.UtcNow });
            return await db.SupportMeasures.Where(m => m.Id == measure.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AcceptanceStartUtc, DateTime.UtcNow.AddDays(-10)).SetProperty(m => m.AcceptanceEndUtc, DateTime.UtcNow.AddDays(1))) + await db.SaveChangesAsync();
        });
        var profile = await StartAsync(client, business, measure.Slug);
        var applicationId = int.Parse(profile.Url.Segments[4].TrimEnd('/'), CultureInfo.InvariantCulture);
        var check = await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check");
        await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AcceptanceEndUtc, DateTime.UtcNow.AddMinutes(-1))));

        var refused = await client.PostAsync($"/businesses/{business.Id}/applications/{applicationId}/submit",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = check.AntiforgeryToken, ["idempotencyKey"] = Guid.NewGuid().ToString("N"), ["version"] = "1" });

        Assert.Contains("締め切られました", refused.Text("main"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Submissions.AnyAsync(s => s.ApplicationId == applicationId)));
    }

    [Fact]
    public async Task ARequestOverTheLimit_IsRefused_WithTheComputedLimitShown()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        // The walk-through's case: a small-scale manufacturer of 12 employees under 製品・サービス高付加価値化枠 gets 2/3,
        // so ¥9,000,000 of eligible cost allows ¥6,000,000 (not 1/2's ¥4,500,000); one yen more is over the limit.
        var check = await FillAsync(client, await StartAsync(client, business), requested: 6_000_001, amount: 9_000_000);

        Assert.Contains("上限 6,000,000円", check.Text(".checks"), StringComparison.Ordinal);
        var terms = check.Text(".applied-terms");
        Assert.Contains("製品・サービス高付加価値化枠", terms, StringComparison.Ordinal);
        Assert.Contains("小規模事業者", terms, StringComparison.Ordinal);
        Assert.Contains("6〜20人", terms, StringComparison.Ordinal);
        Assert.Contains("2/3以内", terms, StringComparison.Ordinal);
        Assert.Contains("10,000,000円", terms, StringComparison.Ordinal);
        Assert.Null(check.Document.QuerySelector("form[data-submit-once]"));
        var refused = await client.PostAsync(check.Url.AbsolutePath.Replace("/check", "/submit", StringComparison.Ordinal),
            new Dictionary<string, string> { ["__RequestVerificationToken"] = check.AntiforgeryToken, ["idempotencyKey"] = Guid.NewGuid().ToString("N"), ["version"] = "9" });
        Assert.Contains("6,000,000円", refused.Text(".error-summary") + refused.Text("main"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Submissions.AnyAsync(s => db.Applications.Any(a => a.Id == s.ApplicationId && a.BusinessId == business.Id))));

        // At the limit it goes through.
        var expenses = await client.GetAsync(check.Url.AbsolutePath.Replace("/check", "/expenses", StringComparison.Ordinal));
        var allowed = await client.SubmitFormAsync(expenses, [("RequestedYen", "6,000,000")], submit: ("intent", "next"));
        Assert.Contains("✓ 申請額 6,000,000円 ≤ 上限 6,000,000円", allowed.Text(".checks"), StringComparison.Ordinal);
        Assert.NotNull(allowed.Document.QuerySelector("form[data-submit-once]"));
    }

    [Fact]
    public async Task AnInvalidExpenseLine_IsRefusedBesideItsField_AndNothingTypedIsLost()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var expenses = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/expenses", StringComparison.Ordinal));

        var page = await client.SubmitFormAsync(expenses, [
            ("ProjectStart", "2027-09-30"), ("ProjectEnd", "2027-01-04"), ("RequestedYen", "100"),
            ("Lines[0].Category", "Machinery"), ("Lines[0].Description", "旋盤"), ("Lines[0].Vendor", "商会"), ("Lines[0].InvoiceRegistrationNumber", "T123"), ("Lines[0].AmountYen", "abc")],
            submit: ("intent", "next"));

        Assert.NotNull(page.ErrorFor("ProjectEnd"));
        Assert.NotNull(page.ErrorFor("Lines_0__InvoiceRegistrationNumber"));
        Assert.NotNull(page.ErrorFor("Lines_0__AmountYen"));
        Assert.Equal("T123", page.Document.QuerySelector("#Lines_0__InvoiceRegistrationNumber")!.GetAttribute("value"));
        Assert.Equal("旋盤", page.Document.QuerySelector("#Lines_0__Description")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("-3,000,000")]
    [InlineData("－５００")]
    public async Task ANegativeExpenseAmount_IsRefusedBesideItsField_NotAnError(string amount)
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var path = profile.Url.AbsolutePath.Replace("/profile", "/expenses", StringComparison.Ordinal);
        List<(string, string?)> line = [("Lines[0].Category", "Machinery"), ("Lines[0].Description", "旋盤"), ("Lines[0].Vendor", "商会")];
        // Saved once with a track, so the page that comes back applies the terms to what is typed.
        await client.SubmitFormAsync(await client.GetAsync(path),
            [("Track", "product"), ("ProjectStart", "2027-01-04"), ("ProjectEnd", "2027-09-30"), ("RequestedYen", "1,000,000"), .. line, ("Lines[0].AmountYen", "3,000,000")],
            submit: ("intent", "later"));

        var page = await client.SubmitFormAsync(await client.GetAsync(path), [("Lines[0].AmountYen", amount)], submit: ("intent", "next"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.ErrorFor("Lines_0__AmountYen"));
        Assert.Equal(amount, page.Document.QuerySelector("#Lines_0__AmountYen")!.GetAttribute("value"));
    }

    [Fact]
    public async Task HugeAmounts_AreRefusedBesideTheirFields_AndStoredOnesNeverBreakThePages()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var path = profile.Url.AbsolutePath.Replace("/profile", "/expenses", StringComparison.Ordinal);

        var page = await client.SubmitFormAsync(await client.GetAsync(path), [
            ("Track", "product"), ("ProjectStart", "2027-01-04"), ("ProjectEnd", "2027-09-30"), ("RequestedYen", "9223372036854775807"),
            ("Lines[0].Category", "Machinery"), ("Lines[0].Description", "旋盤"), ("Lines[0].Vendor", "商会"), ("Lines[0].AmountYen", "9,223,372,036,854,775,807"),
            ("Lines[1].Category", "Machinery"), ("Lines[1].Description", "旋盤"), ("Lines[1].Vendor", "商会"), ("Lines[1].AmountYen", "9,000,000,000,000,000,000")],
            submit: ("intent", "next"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("999,999,999,999円以下", page.ErrorFor("Lines_0__AmountYen"), StringComparison.Ordinal);
        Assert.NotNull(page.ErrorFor("Lines_1__AmountYen"));
        Assert.NotNull(page.ErrorFor("RequestedYen"));

        // Lines stored before the limit existed: their sum saturates instead of overflowing, and every page still opens.
        var applicationId = int.Parse(path.Split('/')[4], CultureInfo.InvariantCulture);
        await factory.WithDbAsync(async db =>
        {
            db.ExpenseLines.AddRange(
                new Web.Data.Applications.ExpenseLine { ApplicationId = applicationId, Position = 1, Category = "Machinery", Description = "旋盤", Vendor = "商会", AmountYen = long.MaxValue },
                new Web.Data.Applications.ExpenseLine { ApplicationId = applicationId, Position = 2, Category = "Machinery", Description = "旋盤", Vendor = "商会", AmountYen = long.MaxValue });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path.Replace("/expenses", "/check", StringComparison.Ordinal))).Status);
    }

    [Fact]
    public async Task AProjectPeriod_StartingBeforeTheApplication_OrAlreadyOver_IsRefused_AndBlocksTheCheck()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var path = profile.Url.AbsolutePath.Replace("/profile", "/expenses", StringComparison.Ordinal);
        var today = JapanTime.DateOf(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<(string, string?)> rest = [("Track", "product"), ("RequestedYen", "1,000,000"), ("Lines[0].Category", "Machinery"), ("Lines[0].Description", "旋盤"), ("Lines[0].Vendor", "商会"), ("Lines[0].AmountYen", "3,000,000")];

        var past = await client.SubmitFormAsync(await client.GetAsync(path), [("ProjectStart", Day(-70)), ("ProjectEnd", Day(-8)), .. rest], submit: ("intent", "next"));

        Assert.Contains("申請前の支出は補助の対象になりません", past.ErrorFor("ProjectStart"), StringComparison.Ordinal);
        Assert.Contains("事業の終了日が過ぎています", past.ErrorFor("ProjectEnd"), StringComparison.Ordinal);
        Assert.Equal(Day(-70), past.Document.QuerySelector("#ProjectStart")!.GetAttribute("value"));

        // A draft whose period has aged (or was stored before the rule) is held back on the check page, with where to fix it.
        var applicationId = int.Parse(path.Split('/')[4], CultureInfo.InvariantCulture);
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ProjectStart, today.AddDays(-40)).SetProperty(a => a.ProjectEnd, today.AddDays(100))));
        var check = await client.GetAsync(path.Replace("/expenses", "/check", StringComparison.Ordinal));
        Assert.Contains("事業の開始日が、申請を始めた", check.Text("#blockers-title + ul"), StringComparison.Ordinal);
        Assert.Null(check.Document.QuerySelector("form[data-submit-once]"));
    }

    [Fact]
    public async Task ACheckPage_WithNoTrackChosen_SaysToChooseOne_NotThatTheMeasureHasNoTerms()
    {
        var (client, _, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);

        var check = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/check", StringComparison.Ordinal));

        Assert.Contains("申請する枠が選ばれていません", check.Text("#blockers-title + ul"), StringComparison.Ordinal);
        Assert.Contains("申請する枠が選ばれていません", check.Text(".applied-terms"), StringComparison.Ordinal);
        Assert.DoesNotContain("補助条件の定めがありません", check.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedForm_IsANewVersion_AndADraftKeepsTheVersionItStartedWith()
    {
        var (client, owner, business) = await ApplicantAsync();
        using var _ = client;
        var measure = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Published);
        var v1 = new FormDefinition("VERS", ["Name"], [new FormSection("s", "節", "Section", [new FormField("a", FieldKind.Text, "問一", "Question one")])]);
        var v2 = v1 with { Sections = [new FormSection("s", "節", "Section", [new FormField("b", FieldKind.Text, "問二", "Question two")])] };
        await AddFormAsync(measure.Id, 1, v1);
        var first = await StartAsync(client, business, measure.Slug);
        await AddFormAsync(measure.Id, 2, v2);
        var other = await factory.CreateBusinessAsync(owner, verified: true);
        var second = await StartAsync(client, other, measure.Slug);

        var firstSection = await client.GetAsync(first.Url.AbsolutePath.Replace("/profile", "/sections/s", StringComparison.Ordinal));
        var secondSection = await client.GetAsync(second.Url.AbsolutePath.Replace("/profile", "/sections/s", StringComparison.Ordinal));
        Assert.Contains("問一", firstSection.Text("main"), StringComparison.Ordinal);
        Assert.Contains("問二", secondSection.Text("main"), StringComparison.Ordinal);
    }

    private Task<int> AddFormAsync(int measureId, int version, FormDefinition definition) => factory.WithDbAsync(db =>
    {
        db.ApplicationForms.Add(new Web.Data.Applications.ApplicationForm { MeasureId = measureId, Version = version, Definition = definition.ToJson(), CreatedAtUtc = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task TheDemoForms_KeepTheFormRules()
    {
        var forms = await factory.WithDbAsync(db => db.ApplicationForms.AsNoTracking()
            .Where(f => db.SupportMeasures.Any(m => m.Id == f.MeasureId && m.IsDemo)).ToListAsync());

        Assert.True(forms.Select(f => f.MeasureId).Distinct().Count() >= 3);
        Assert.Empty(forms.SelectMany(form => FormRules.Check(form.Read(), ProfileItems.Words)).Select(p => $"{p.Key} {string.Join(' ', p.Args)}"));
    }

    [Fact]
    public async Task NextAfterTheSessionExpired_LeadsThroughSignInAndBack_WithEverythingTypedKept()
    {
        var (client, owner, business) = await ApplicantAsync();
        using var _ = client;
        var profile = await StartAsync(client, business);
        var plan = await client.GetAsync(profile.Url.AbsolutePath.Replace("/profile", "/sections/plan", StringComparison.Ordinal));
        // The session ends (as when it expires); the page is still open with its form.
        await client.PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = plan.AntiforgeryToken });

        var next = await client.Http.PostAsync(new Uri(plan.Document.QuerySelector("main form")!.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = plan.AntiforgeryToken,
            ["Answers.theme"] = "期限切れでも消えない計画名",
            ["Answers.challenge"] = "一行目\n二行目",
            ["intent"] = "next",
        }));

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Frescued-forms%2Flatest", next.Headers.Location!.ToString());
        await client.SignInAsync(owner);
        var rescued = await client.GetAsync("/rescued-forms/latest");
        Assert.Equal("期限切れでも消えない計画名", rescued.Document.QuerySelector("input[name='Answers.theme']")!.GetAttribute("value"));
        var back = await client.SubmitFormAsync(rescued, []);
        Assert.EndsWith("/sections/plan", back.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("期限切れでも消えない計画名", back.Document.QuerySelector("#Answers_theme")!.GetAttribute("value"));
        Assert.Equal("期限切れでも消えない計画名", await factory.WithDbAsync(db => db.ApplicationAnswers.Where(a => a.FieldKey == "theme" && db.Applications.Any(x => x.Id == a.ApplicationId && x.BusinessId == business.Id)).Select(a => a.Value).SingleAsync()));
        // Taken once: nothing is kept any more, for this browser or another.
        Assert.Null((await client.GetAsync("/rescued-forms/latest")).Document.QuerySelector("main form"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.RescuedForms.CountAsync()));
    }

    [Fact]
    public async Task ANoticeDeliveredAgain_AfterACrashBeforeItWasMarkedSent_StaysOneNotice()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        Task DeliverAllAsync() => factory.DeliverOutboxAsync(m => m.RecipientUserId == owner.Id);

        await DeliverAllAsync();
        var before = await factory.WithDbAsync(db => db.Notices.CountAsync(n => n.UserId == owner.Id));

        // As if the process stopped after inserting the notices but before marking their messages sent.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == owner.Id && m.Channel == Web.Data.Messaging.OutboxChannel.InApp)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, (DateTime?)null)));
        await DeliverAllAsync();

        Assert.True(before > 0);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Notices.CountAsync(n => n.UserId == owner.Id)));
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientUserId == owner.Id && m.SentAtUtc == null)));
    }
}
