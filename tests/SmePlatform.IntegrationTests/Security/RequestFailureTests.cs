using System.Globalization;
using System.Net;
using System.Text.Json;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// Oversized and malformed requests through the whole pipeline (issue 20, finding 7): a 10 MB field, 5,000 fields, a NUL
/// byte and a 60 MB upload, sent to sign-in, forgot password and an application's upload step, are each answered with
/// their own 400 or 413 page in the reader's language saying what to do — never "page not found", never a 500.
/// </summary>
[Collection(nameof(PortalCollection))]
public class RequestFailureTests(SmeAppFactory factory)
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var target in new[] { "login", "forgot-password", "upload" })
        {
            foreach (var input in new[] { "10MB-field", "5000-fields", "NUL", "60MB-upload" })
            {
                foreach (var language in new[] { "ja", "en" })
                {
                    cases.Add(target, input, language);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnOversizedOrMalformedForm_GetsItsOwnPage_InTheReadersLanguage(string target, string input, string language)
    {
        var (client, path) = await TargetAsync(target);
        using var _ = client;
        if (language == "en")
        {
            await client.GetAsync("/?culture=en");
        }

        var form = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var page = await client.SendAsync(HttpMethod.Post, path, Body(input, form.AntiforgeryToken, target == "upload" ? "Answers.theme" : "Email"));

        var (status, title, advice) = Expected(target, input, language);
        Assert.Equal(status, page.Status);
        Assert.Equal(title, page.Text("h1"));
        Assert.Contains(advice, page.Text(".error-advice"), StringComparison.Ordinal);
        // Back to the form the request came from, and the id to quote.
        Assert.Equal(path, page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).First());
        Assert.NotEmpty(page.Text(".correlation-id code"));
    }

    [Fact]
    public async Task ARefusedForm_IsLoggedAsAWarning_WithoutTheFieldsOrAnError()
    {
        using var client = factory.CreatePortalClient();
        var login = await client.GetAsync("/account/login");
        var before = factory.Logs.Lines.Count;

        var page = await client.SendAsync(HttpMethod.Post, "/account/login", Body("5000-fields", login.AntiforgeryToken, "Email"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var lines = factory.Logs.Lines.Skip(before).ToList();
        Assert.Contains(lines, line => line.Contains("Request refused before it reached the page", StringComparison.Ordinal)
            && line.Contains("\"Reason\":\"TooManyFields\"", StringComparison.Ordinal) && line.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) && line.Contains("/account/login", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("field-value-4999", StringComparison.Ordinal));
    }

    /// <summary>
    /// A form read before the page is reached — here the one an expired session's rescue keeps — fails inside the
    /// pipeline: the exception handler answers it with the client's status (400), not 500 nor 404.
    /// </summary>
    [Fact]
    public async Task AFormThatFailsOutsideThePage_IsAnsweredWithTheClientsStatus_NotA500()
    {
        var (_, business, applicationId) = await factory.CreateApplicantAsync();
        using var anonymous = factory.CreatePortalClient();
        var before = factory.Logs.Lines.Count;

        var page = await anonymous.SendAsync(HttpMethod.Post, $"/businesses/{business.Id}/applications/{applicationId}/sections/plan", Body("5000-fields", "no-token", "Answers.theme"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("送信した内容を受け付けられませんでした", page.Text("h1"));
        Assert.Contains("項目の数が多すぎます", page.Text(".error-advice"), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Lines.Skip(before), line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) && line.Contains("/sections/plan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10MB-field", 413)]
    [InlineData("5000-fields", 400)]
    [InlineData("NUL", 400)]
    public async Task UnderApi_TheSameFailure_IsProblemDetailsWithTheSameStatus(string input, int status)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/subsidies") { Content = Body(input, "", "keyword") };

        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("GET", 400, "送信した内容を受け付けられませんでした")]
    [InlineData("POST", 400, "送信した内容を受け付けられませんでした")]
    [InlineData("GET", 413, "送信した内容が大きすぎます")]
    [InlineData("POST", 413, "送信した内容が大きすぎます")]
    [InlineData("POST", 404, "ページが見つかりません")]
    public async Task TheErrorPages_AnswerGetAndPost(string method, int status, string title)
    {
        using var client = factory.CreatePortalClient();

        var page = await client.SendAsync(new HttpMethod(method), $"/error/{status.ToString(CultureInfo.InvariantCulture)}", new FormUrlEncodedContent([new("a", "b")]));

        Assert.Equal(status, (int)page.Status);
        Assert.Equal(title, page.Text("h1"));
    }

    private async Task<(PortalClient Client, string Path)> TargetAsync(string target)
    {
        if (target != "upload")
        {
            return (factory.CreatePortalClient(), "/account/" + target);
        }

        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, $"/businesses/{business.Id}/applications/{applicationId}/sections/plan");
    }

    /// <summary>The four hostile bodies, each with a valid antiforgery token so that only the body is at fault.</summary>
    internal static HttpContent Body(string input, string token, string field)
    {
        switch (input)
        {
            case "10MB-field":
                return new FormUrlEncodedContent([new("__RequestVerificationToken", token), new(field, new string('a', 10_000_000))]);
            case "5000-fields":
                return new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"f{i}", $"field-value-{i}"))]);
            case "NUL":
                return new FormUrlEncodedContent([new("__RequestVerificationToken", token), new(field, "owner\0@example.jp")]);
            default:
                var multipart = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" },
                    { new ByteArrayContent(new byte[60_000_000]), "Files.planFile", "plan.pdf" },
                };
                return multipart;
        }
    }

    private static (HttpStatusCode Status, string Title, string Advice) Expected(string target, string input, string language) =>
        (input, language) switch
        {
            ("5000-fields", "ja") => (HttpStatusCode.BadRequest, "送信した内容を受け付けられませんでした", "送信した項目の数が多すぎます"),
            ("5000-fields", _) => (HttpStatusCode.BadRequest, "What you sent could not be accepted", "too many fields"),
            ("NUL", "ja") => (HttpStatusCode.BadRequest, "送信した内容を受け付けられませんでした", "使えない文字（NULなどの制御文字）"),
            ("NUL", _) => (HttpStatusCode.BadRequest, "What you sent could not be accepted", "a control character such as NUL"),
            (_, "ja") when target == "upload" => (HttpStatusCode.RequestEntityTooLarge, "送信した内容が大きすぎます", "ファイルは1つ10 MB以下、合計50 MB以下にしてください"),
            (_, _) when target == "upload" => (HttpStatusCode.RequestEntityTooLarge, "What you sent is too large", "Each file must be 10 MB or smaller, and all files together 50 MB or smaller"),
            (_, "ja") => (HttpStatusCode.RequestEntityTooLarge, "送信した内容が大きすぎます", "文章を短くするか、ファイルを小さくして"),
            _ => (HttpStatusCode.RequestEntityTooLarge, "What you sent is too large", "Shorten the text or make the file smaller"),
        };
}
