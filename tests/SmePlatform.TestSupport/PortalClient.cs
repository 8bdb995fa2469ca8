using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmePlatform.TestSupport;

/// <summary>A page as it arrived: status, final address after redirects, and its parsed document.</summary>
public sealed record Page(HttpStatusCode Status, Uri Url, IHtmlDocument Document, HttpResponseMessage Response)
{
    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    /// <summary>The message beside a field, without the "Error:" prefix that only screen readers hear.</summary>
    public string? ErrorFor(string field)
    {
        var message = Document.QuerySelector($"#{field}-error");
        var prefix = message?.QuerySelector(".visually-hidden")?.TextContent ?? "";
        return message?.TextContent.Replace(prefix, "", StringComparison.Ordinal).Trim();
    }

    /// <summary>The antiforgery token the page's forms carry.</summary>
    public string AntiforgeryToken =>
        Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{Url} has no antiforgery token.");

    public IReadOnlyList<string> ErrorSummary =>
        [.. Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim())];
}

/// <summary>
/// Talks to the portal as a browser would: keeps cookies, follows redirects, and submits forms with the
/// antiforgery token the page carried.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<Page> GetAsync(string url) => await FollowAsync(await Http.GetAsync(new Uri(url, UriKind.Relative)));

    /// <summary>Fills the form that <paramref name="formSelector"/> finds on <paramref name="page"/> and submits it.</summary>
    public async Task<Page> SubmitAsync(Page page, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action") ?? page.Url.PathAndQuery;
        return await PostAsync(action, values);
    }

    /// <summary>
    /// Submits a form as a browser would: every field with its current value (ticked boxes, chosen options,
    /// textareas), then <paramref name="changes"/>, where a name replaces all earlier values of that name and
    /// may be given more than once (checkbox groups) and a null value only removes. <paramref name="submit"/> is the button's name=value;
    /// <paramref name="files"/>, when given, are uploaded with the fields as multipart/form-data.
    /// </summary>
    public async Task<Page> SubmitFormAsync(
        Page page, IEnumerable<(string Name, string? Value)> changes, string formSelector = "main form", (string Name, string Value)? submit = null,
        IEnumerable<(string Name, string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        var changed = changes.ToList();
        fields.RemoveAll(f => changed.Exists(c => c.Name == f.Key));
        fields.AddRange(changed.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Name, c.Value!)));
        if (submit is { } button)
        {
            fields.Add(new(button.Name, button.Value));
        }

        var action = form.GetAttribute("action") ?? page.Url.PathAndQuery;
        if (files is null)
        {
            return await FollowAsync(await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields)));
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, content) in files)
        {
            multipart.Add(new ByteArrayContent(content), name, fileName);
        }

        return await FollowAsync(await Http.PostAsync(new Uri(action, UriKind.Relative), multipart));
    }

    /// <summary>Sends any content (a multipart upload, say) and follows redirects.</summary>
    public async Task<Page> SendAsync(HttpMethod method, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        return await FollowAsync(await Http.SendAsync(request));
    }

    public async Task<Page> PostAsync(string url, IDictionary<string, string> values) =>
        await FollowAsync(await Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values)));

    public async Task<HttpResponseMessage> PostWithoutFollowingAsync(string url, IDictionary<string, string> values) =>
        await Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));

    /// <summary>Signs in through the real pages, typing the authenticator code when one is asked for.</summary>
    public async Task<Page> SignInAsync(TestUser user) => await SignInAsync(user.Email, user.Password, user.AuthenticatorKey);

    public async Task<Page> SignInAsync(string email, string password, string? authenticatorKey)
    {
        var login = await GetAsync("/account/login");
        var page = await SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (page.Url.AbsolutePath == "/account/login/two-factor")
        {
            page = await SubmitAsync(page, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(authenticatorKey!) });
        }

        return page;
    }

    private async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            if (hops == 10)
            {
                throw new InvalidOperationException("Too many redirects.");
            }

            var location = response.Headers.Location!;
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response = await Http.GetAsync(next);
        }

        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!, Parser.ParseDocument(html), response);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    public void Dispose() => Http.Dispose();
}
