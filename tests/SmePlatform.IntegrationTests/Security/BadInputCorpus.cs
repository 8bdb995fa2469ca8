using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>What one part of the corpus run sent, and each answer that was wrong.</summary>
public sealed record CorpusRun(string Name, int Requests, IReadOnlyList<string> Failures, TimeSpan Took)
{
    /// <summary>Each form tried, and the parameters, with the time each took, slowest first.</summary>
    public IReadOnlyList<string> Times { get; init; } = [];
}

/// <summary>
/// Sends the bad-input corpus (<see cref="BadInput"/>) to every form a person can reach and every parameter of the API and
/// of the pages. The forms are not listed anywhere: each page the policy lets the person see (and each page those link to,
/// a few per route) is read, and every <c>&lt;form&gt;</c> on it is submitted as it is, with each bad value in every field,
/// with the number-like values in one field at a time, and in shapes no browser sends. Every answer must be below 500, not
/// 404 (the route exists), never a redirect off the site, in the person's language, and never carry a payload unencoded;
/// an answer that saved something is followed, and the page it leads to is held to the same.
/// </summary>
public sealed partial class BadInputCorpus(SecurityPortal portal)
{
    private const string Token = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<CorpusRun>>> _runs = new(StringComparer.Ordinal);

    /// <summary>The language each person reads the portal in: the visitor has chosen English.</summary>
    public static string LanguageOf(Actor actor) => actor.Role == SecurityPortal.Visitor ? "en" : "ja";

    public Task<CorpusRun> FormsAsync(string role) => Once("forms " + role, () => RunFormsAsync(portal.Of(role)));

    public Task<CorpusRun> ApiAsync() => Once("api", RunApiAsync);

    private Task<CorpusRun> Once(string name, Func<Task<CorpusRun>> run) => _runs.GetOrAdd(name, _ => new Lazy<Task<CorpusRun>>(run)).Value;

    private static async Task<Actor> ReadyAsync(Actor actor)
    {
        if (LanguageOf(actor) == "en")
        {
            using var _ = await actor.Client.Http.GetAsync(new Uri("/?culture=en", UriKind.Relative));
        }

        return actor;
    }

    /// <summary>A form as a page has it: where it goes, how, and its fields with their values.</summary>
    private sealed record FoundForm(string Page, string Method, string Action, bool Multipart, IReadOnlyList<(string Name, string Value, bool Hidden, bool Numeric)> Fields, (string Name, string Value)? Button)
    {
        public string Key => $"{Method} {Action} {string.Join(',', Fields.Select(f => f.Name).Order(StringComparer.Ordinal))}";

        /// <summary>The same form of another record (each measure's editor, each flag's decision) is the same code: tried once.</summary>
        public string Kind => $"{Method} {TemplateOf(Action.Split('?')[0])} {string.Join(',', Fields.Select(f => Digits().Replace(f.Name, "#")).Order(StringComparer.Ordinal))}";

        public override string ToString() => $"{Method} {Action} (on {Page})";
    }

    private static async Task<CorpusRun> RunFormsAsync(Actor actor)
    {
        await ReadyAsync(actor);
        var clock = Stopwatch.StartNew();
        var check = new Checker(actor);
        var pages = await PagesAsync(actor);
        var forms = new List<FoundForm>();
        foreach (var page in pages)
        {
            forms.AddRange(await FormsOnAsync(actor, page));
        }

        forms = [.. forms.DistinctBy(f => f.Kind).Where(f => !EndsSession(f) && IsFor(actor, f.Action, f.Method)).OrderBy(f => Destructive(f.Action)).ThenBy(f => f.Action, StringComparer.Ordinal)];
        var times = new List<(string What, TimeSpan Took)>();
        foreach (var form in forms)
        {
            var started = clock.Elapsed;
            var current = form;
            foreach (var (name, fields) in Cases(form))
            {
                var answer = await SubmitAsync(actor, current, fields);
                if (await check.AnswerAsync(answer, $"{current.Method} {current.Action} [{name}]", mayBeNotFound: NamesARecord(current.Action.Split('?')[0], current.Fields.Select(f => f.Name))))
                {
                    // It saved something: the form may be gone (a deleted row) or changed; read the page again.
                    var again = (await FormsOnAsync(actor, form.Page)).FirstOrDefault(f => f.Key == form.Key);
                    if (again is null)
                    {
                        break;
                    }

                    current = again;
                }
            }

            times.Add((form.ToString(), clock.Elapsed - started));
        }

        var parametersStarted = clock.Elapsed;

        // The query parameters the pages' links carry, and the string parameters of the routes, one at a time.
        foreach (var (path, query) in (await LinkedQueriesAsync(actor, pages)).Where(q => IsFor(actor, q.Path, "GET")))
        {
            foreach (var parameter in query.Keys)
            {
                foreach (var value in BadInput.Values)
                {
                    var url = path + "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={(p.Key == parameter ? value.Encoded : Uri.EscapeDataString(p.Value))}"));
                    await check.AnswerAsync(await actor.Client.Http.GetAsync(new Uri(url, UriKind.Relative)), $"GET {path}?{parameter}= [{value}]", mayBeNotFound: NamesARecord(path, parameter));
                }
            }
        }

        foreach (var rule in RoutePolicy.Rules.Where(r => r.Method is "GET" && RouteMatrix.Allows(r, actor) && !r.Has(RouteTraits.Api) && IsFor(actor, r.Template, "GET")))
        {
            foreach (var parameter in StringParameters(rule.Template))
            {
                // Not an empty segment (another route), nor a NUL: Kestrel refuses a path with one before the app sees it.
                foreach (var value in BadInput.Values.Where(v => v.Encoded.Length > 0 && v.Name != "NUL byte"))
                {
                    var url = RouteMatrix.Fill(rule.Template, actor.Own, parameter, value.Encoded);
                    // An unknown slug, table or token is "not found": the route's own answer, not a failure.
                    await check.AnswerAsync(await actor.Client.Http.GetAsync(new Uri(url, UriKind.Relative)), $"GET {rule.Template} {{{parameter}}} [{value}]", mayBeNotFound: true);
                }
            }
        }

        times.Add(("the pages' links' parameters and the routes' string parameters", clock.Elapsed - parametersStarted));
        return new CorpusRun($"{actor.Role}: {forms.Count} forms on {pages.Count} pages", check.Requests, check.Failures, clock.Elapsed)
        {
            Times = [.. times.OrderByDescending(t => t.Took).Select(t => $"{t.Took.TotalSeconds:F1} s {t.What}")],
        };
    }

    /// <summary>The cases each form gets: every value in every field; the number-like ones field by field; the shapes.</summary>
    private static IEnumerable<(string Name, List<(string Name, string Encoded)> Fields)> Cases(FoundForm form)
    {
        var token = form.Fields.Where(f => f.Name == Token).Select(f => (f.Name, Uri.EscapeDataString(f.Value))).ToList();
        var fields = form.Fields.Where(f => f.Name != Token).ToList();
        var button = form.Button is { } b ? [(b.Name, Uri.EscapeDataString(b.Value))] : new List<(string, string)>();
        List<(string Name, string Encoded)> AsTheyAre() => [.. fields.Select(f => (f.Name, Uri.EscapeDataString(f.Value)))];

        foreach (var value in BadInput.Values)
        {
            yield return (value.Name, [.. token, .. fields.Select(f => (f.Name, value.Encoded)), .. button]);
        }

        foreach (var field in fields.Where(f => f is { Hidden: false, Numeric: true }))
        {
            foreach (var value in BadInput.OneAtATime)
            {
                yield return ($"{value.Name} in {field.Name}", [.. token, .. AsTheyAre().Select(f => f.Name == field.Name ? (f.Name, value.Encoded) : f), .. button]);
            }
        }

        yield return (nameof(BadInput.Shape.Repeated), [.. token, .. AsTheyAre(), .. fields.Select(f => (f.Name, Uri.EscapeDataString(BadInput.Script))), .. button]);
        yield return (nameof(BadInput.Shape.Indexed), [.. token, .. fields.SelectMany(f => new[] { (f.Name + "[0]", "x"), (f.Name + "[]", "y") }), .. button]);
        if (form.Method == "POST")
        {
            yield return (nameof(BadInput.Shape.FiveThousandFields), [.. token, .. AsTheyAre(), .. Enumerable.Range(0, BadInput.ManyFields).Select(i => ($"f{i}", "x")), .. button]);
            var first = fields.FirstOrDefault(f => !f.Hidden).Name ?? fields.FirstOrDefault().Name ?? "field";
            yield return (nameof(BadInput.Shape.OversizedField), [.. token, .. AsTheyAre().Where(f => f.Name != first), (first, new string('a', BadInput.OversizedBytes)), .. button]);
            yield return (nameof(BadInput.Shape.NoFields), [.. token]);
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(Actor actor, FoundForm form, List<(string Name, string Encoded)> fields)
    {
        if (form.Method == "GET")
        {
            var query = string.Join('&', fields.Where(f => f.Name != Token).Select(f => $"{Uri.EscapeDataString(f.Name)}={f.Encoded}"));
            return await actor.Client.Http.GetAsync(new Uri(form.Action.Split('?')[0] + "?" + query, UriKind.Relative));
        }

        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, encoded) in fields)
            {
                multipart.Add(new ByteArrayContent(BadValue.Decode(encoded)), name);
            }

            content = multipart;
        }
        else
        {
            content = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={f.Encoded}"))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        using (content)
        {
            return await actor.Client.Http.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        }
    }

    /// <summary>The pages a person may see, by the policy table, and the pages those link to (a few per route).</summary>
    private static async Task<List<string>> PagesAsync(Actor actor)
    {
        var routes = PageRoutes(actor);
        var pages = RoutePolicy.Rules
            .Where(r => r.Method is "GET" or RoutePolicy.AnyMethod && RouteMatrix.Allows(r, actor) && !r.Has(RouteTraits.Api) && !r.Has(RouteTraits.NoAntiforgery))
            .Select(r => RouteMatrix.Fill(r.Template, actor.Own) + (r.Query is { } q ? RouteMatrix.FillText(q, actor.Own) : ""))
            .ToList();
        // The review pages of the applications further on, with their decision forms.
        if (RoutePolicy.Rules.Any(r => r.Template == "/review/{applicationId:int}" && RouteMatrix.Allows(r, actor)))
        {
            pages.AddRange(actor.Own.Where(v => v.Key.EndsWith("ApplicationId", StringComparison.Ordinal)).Select(v => "/review/" + v.Value));
        }

        var seen = new HashSet<string>(pages, StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages.ToList())
        {
            foreach (var link in await LinksOnAsync(actor, page))
            {
                var template = RouteOf(routes, link.Split('?')[0]);
                if (template is null || perRoute.GetValueOrDefault(template) >= 5 || !seen.Add(link))
                {
                    continue;
                }

                perRoute[template] = perRoute.GetValueOrDefault(template) + 1;
                pages.Add(link);
            }
        }

        return pages;
    }

    private static readonly List<(TemplateMatcher Matcher, string Template)> AllRoutes =
        [.. RoutePolicy.Rules.Select(r => r.Template).Distinct()
            .OrderByDescending(t => t.Count(c => c == '/') - RouteMatrix.ParametersOf(t).Count)
            .ThenBy(t => RouteMatrix.ParametersOf(t).Count)
            .Select(t => (new TemplateMatcher(TemplateParser.Parse(t.TrimStart('/')), new RouteValueDictionary()), t))];

    /// <summary>The route template an address belongs to (the address itself when none matches).</summary>
    private static string TemplateOf(string path) => RouteOf(AllRoutes, path) ?? path;

    private static List<(TemplateMatcher Matcher, string Template)> PageRoutes(Actor actor) =>
        [.. RoutePolicy.Rules
            .Where(r => r.Method == "GET" && RouteMatrix.Allows(r, actor) && !r.Has(RouteTraits.Api))
            .OrderByDescending(r => r.Template.Count(c => c == '/') - RouteMatrix.ParametersOf(r.Template).Count)
            .Select(r => (new TemplateMatcher(TemplateParser.Parse(r.Template.TrimStart('/')), new RouteValueDictionary()), r.Template))];

    private static string? RouteOf(List<(TemplateMatcher Matcher, string Template)> routes, string path) =>
        routes.FirstOrDefault(r => r.Matcher.TryMatch(path, [])).Template;

    private static async Task<IEnumerable<string>> LinksOnAsync(Actor actor, string page)
    {
        var document = await DocumentAsync(actor, page);
        if (document is null)
        {
            return [];
        }

        var origin = actor.Client.Http.BaseAddress!;
        var links = new List<string>();
        foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
        {
            if (Uri.TryCreate(new Uri(origin, page), href, out var target) && target.Authority == origin.Authority
                && target.AbsolutePath != "/account/logout")
            {
                links.Add(target.PathAndQuery);
            }
        }

        return links;
    }

    private static async Task<IHtmlDocument?> DocumentAsync(Actor actor, string page)
    {
        using var response = await actor.Client.Http.GetAsync(new Uri(page, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
            ? Parser.ParseDocument(await response.Content.ReadAsStringAsync())
            : null;
    }

    private static async Task<List<FoundForm>> FormsOnAsync(Actor actor, string page)
    {
        var document = await DocumentAsync(actor, page);
        if (document is null)
        {
            return [];
        }

        var forms = new List<FoundForm>();
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
            if (!action.StartsWith('/') || action.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = new List<(string Name, string Value, bool Hidden, bool Numeric)>();
            (string, string)? button = null;
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlButtonElement b when b.Type == "submit" && !string.IsNullOrEmpty(b.Name):
                        // The language switch's buttons would change the language the answers are read in.
                        button ??= b.Name == "culture" ? null : (b.Name!, b.Value);
                        break;
                    case IHtmlInputElement { Type: "submit" } s when !string.IsNullOrEmpty(s.Name):
                        button ??= (s.Name!, s.Value);
                        break;
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file" or "image" or "reset"):
                        if (input.Type is not ("checkbox" or "radio") || input.IsChecked || !fields.Exists(f => f.Name == input.Name))
                        {
                            fields.RemoveAll(f => f.Name == input.Name && input.Type == "radio" && input.IsChecked);
                            fields.Add((input.Name!, input.Value, input.Type == "hidden", IsNumeric(input)));
                        }

                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add((area.Name!, area.Value, false, false));
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        fields.Add((select.Name!, select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? (select.Options.Length > 0 ? select.Options[0]!.Value : ""), false, false));
                        break;
                }
            }

            var method = string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) ? "POST" : "GET";
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            forms.Add(new FoundForm(page, method, action, multipart, [.. fields.DistinctBy(f => f.Name)], button));
        }

        return forms;
    }

    /// <summary>A field for a number or a date: the values that name numbers go into it one at a time, with the rest as they were.</summary>
    private static bool IsNumeric(IHtmlInputElement input) =>
        input.Type is "number" or "date" or "month" or "tel" || input.GetAttribute("inputmode") is "numeric" or "decimal"
        || NumberOrDate().IsMatch(input.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[\d,.]+$|^\d{4}-\d{2}(-\d{2})?$")]
    private static partial System.Text.RegularExpressions.Regex NumberOrDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+")]
    private static partial System.Text.RegularExpressions.Regex Digits();

    /// <summary>The query strings of the same-site links on the pages, one per path and set of names.</summary>
    private static async Task<List<(string Path, Dictionary<string, string> Query)>> LinkedQueriesAsync(Actor actor, List<string> pages)
    {
        var found = new Dictionary<string, (string, Dictionary<string, string>)>(StringComparer.Ordinal);
        foreach (var link in pages.Where(p => p.Contains('?', StringComparison.Ordinal)).Concat((await Task.WhenAll(pages.Take(40).Select(p => LinksOnAsync(actor, p)))).SelectMany(l => l)))
        {
            var parts = link.Split('?', 2);
            if (parts.Length < 2 || parts[0] == "/language")
            {
                continue;
            }

            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + parts[1]).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            found.TryAdd(parts[0] + " " + string.Join(',', query.Keys.Order(StringComparer.Ordinal)), (parts[0], query));
        }

        return [.. found.Values.Take(40)];
    }

    /// <summary>Whether one of the parameters names a record by the route's policy (<see cref="RouteRule.Records"/>): an unknown one is 404.</summary>
    private static bool NamesARecord(string path, params IEnumerable<string> parameters)
    {
        var template = TemplateOf(path);
        return RoutePolicy.Rules.Any(r => r.Template == template && r.Records.Intersect(parameters, StringComparer.Ordinal).Any());
    }

    private static IEnumerable<string> StringParameters(string template) =>
        RouteMatrix.ParametersOf(template).Where(p => !template.Contains("{" + p + ":", StringComparison.Ordinal));

    /// <summary>
    /// Whether this person's run tries the route: what anyone may use is tried by the visitor, what anyone signed in may use
    /// by the owner (the same code answers everyone), the rest by each person who may.
    /// </summary>
    private static bool IsFor(Actor actor, string action, string method)
    {
        var template = TemplateOf(action.Split('?')[0]);
        var access = RoutePolicy.Rules.FirstOrDefault(r => r.Template == template && (r.Method == method || r.Method == RoutePolicy.AnyMethod))?.Access;
        return access switch
        {
            Access.Anyone => actor.Role == SecurityPortal.Visitor,
            Access.SignedIn => actor.Role == SecurityPortal.Owner,
            _ => true,
        };
    }

    private static bool EndsSession(FoundForm form) =>
        form.Method == "POST" && RoutePolicy.Rules.Any(r => r.Has(RouteTraits.EndsSession) && r.Template == form.Action.Split('?')[0]);

    /// <summary>Forms that delete or finish something go last, so the others still have their records.</summary>
    private static bool Destructive(string action) =>
        action.Split('?')[0].Split('/')[^1] is "delete" or "remove" or "revoke" or "withdraw" or "submit" or "archive" or "publish" or "transfer"
        || action.StartsWith("/invitations/", StringComparison.Ordinal);

    private async Task<CorpusRun> RunApiAsync()
    {
        var visitor = await ReadyAsync(portal.Of(SecurityPortal.Visitor));
        var staff = portal.Of(SecurityPortal.Supervisor);
        var clock = Stopwatch.StartNew();
        var checks = new Dictionary<string, Checker>(StringComparer.Ordinal) { [visitor.Role] = new(visitor), [staff.Role] = new(staff) };
        using var openApi = JsonDocument.Parse(await visitor.Client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var operations = 0;
        foreach (var path in openApi.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            operations++;
            var template = path.Name;
            var rule = RoutePolicy.Rules.Single(r => string.Equals(r.Template.Replace(":int", "", StringComparison.Ordinal), template, StringComparison.OrdinalIgnoreCase) && r.Method == "GET");
            var actor = rule.Access == Access.Anyone ? visitor : staff;
            var baseQuery = rule.Query is { } q
                ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(RouteMatrix.FillText(q, actor.Own)).ToDictionary(p => p.Key, p => Uri.EscapeDataString(p.Value.ToString()), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            var parameters = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList() : [];
            foreach (var (name, place) in parameters)
            {
                foreach (var value in BadInput.Values.Where(v => place != "path" || v.Name != "NUL byte"))
                {
                    string url;
                    if (place == "path")
                    {
                        url = RouteMatrix.Fill(rule.Template, actor.Own, name, value.Encoded) + Query(baseQuery);
                    }
                    else
                    {
                        url = RouteMatrix.Fill(rule.Template, actor.Own) + Query(new Dictionary<string, string>(baseQuery, StringComparer.Ordinal) { [name] = value.Encoded });
                    }

                    await checks[actor.Role].AnswerAsync(await actor.Client.Http.GetAsync(new Uri(url, UriKind.Relative)), $"GET {template} {name} [{value}]", mayBeNotFound: place == "path");
                }

                if (place == "query")
                {
                    var others = baseQuery.Where(p => p.Key != name).Select(p => $"{Uri.EscapeDataString(p.Key)}={p.Value}");
                    var twice = RouteMatrix.Fill(rule.Template, actor.Own) + "?" + string.Join('&', others.Append($"{name}=1").Append($"{name}=2"));
                    await checks[actor.Role].AnswerAsync(await actor.Client.Http.GetAsync(new Uri(twice, UriKind.Relative)), $"GET {template} {name} [twice]", mayBeNotFound: false);
                }
            }
        }

        Assert.True(operations >= 5, $"The OpenAPI document lists only {operations} operations.");
        var failures = checks.Values.SelectMany(c => c.Failures).ToList();
        return new CorpusRun($"API: {operations} operations", checks.Values.Sum(c => c.Requests), failures, clock.Elapsed);
    }

    private static string Query(Dictionary<string, string> query) =>
        query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={p.Value}"));

    /// <summary>Holds each answer to what the corpus demands of it, and counts.</summary>
    private sealed class Checker(Actor actor)
    {
        public int Requests { get; private set; }

        public List<string> Failures { get; } = [];

        /// <summary>Checks one answer (and the page a redirect leads to); true when it was a redirect to another page (a save, say).</summary>
        public async Task<bool> AnswerAsync(HttpResponseMessage response, string what, bool mayBeNotFound)
        {
            using var _ = response;
            Requests++;
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var problems = new List<string>();
            if (status >= 500)
            {
                problems.Add($"answered {status}");
            }
            else if (response.StatusCode == HttpStatusCode.NotFound && !mayBeNotFound)
            {
                problems.Add("answered 404 (page not found) for a route that exists");
            }

            Inspect(response, body, problems);
            var saved = false;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (location.IsAbsoluteUri ? location.Authority != actor.Client.Http.BaseAddress!.Authority : location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal))
                {
                    problems.Add($"redirected off the site, to {location}");
                }
                else if (!location.OriginalString.StartsWith("/account/login", StringComparison.Ordinal))
                {
                    saved = true;
                    using var next = await actor.Client.Http.GetAsync(location);
                    Requests++;
                    var nextBody = await next.Content.ReadAsStringAsync();
                    if ((int)next.StatusCode >= 500)
                    {
                        problems.Add($"led to {location}, which answered {(int)next.StatusCode}");
                    }

                    Inspect(next, nextBody, problems);
                }
            }

            if (problems.Count > 0)
            {
                Failures.Add($"{actor.Role} {what}: {string.Join("; ", problems)}");
            }

            return saved;
        }

        private void Inspect(HttpResponseMessage response, string body, List<string> problems)
        {
            if (body.Contains(BadInput.Script, StringComparison.Ordinal) || body.Contains(BadInput.AttributeUnencoded, StringComparison.Ordinal))
            {
                problems.Add($"{response.RequestMessage!.RequestUri!.AbsolutePath} shows a payload unencoded");
            }

            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var language = Parser.ParseDocument(body).DocumentElement.GetAttribute("lang") ?? "";
                if (!language.StartsWith(LanguageOf(actor), StringComparison.Ordinal))
                {
                    problems.Add($"answered in '{language}', not the person's language ({LanguageOf(actor)})");
                }
            }
        }
    }
}
