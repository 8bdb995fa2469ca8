using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>One request of the matrix and what it answered.</summary>
public sealed record Probe(
    string Role, string Variant, string Method, string Template, string Path, bool WithToken, int Status, string Outcome, string? ContentType,
    IReadOnlySet<string> Expected)
{
    public bool AsExpected => Status < 500 && Expected.Contains(Outcome);

    public override string ToString() =>
        $"{Role} ({Variant}) {Method} {Path}{(Method == "POST" && !WithToken ? " without a token" : "")}: expected {string.Join(" or ", Expected.Order(StringComparer.Ordinal))}, answered {Status} ({Outcome})";
}

/// <summary>Everything one kind of person was asked and answered, and what was wrong.</summary>
public sealed record Sweep(string Role, IReadOnlyList<Probe> Probes, IReadOnlyList<string> Failures, TimeSpan Took);

/// <summary>An endpoint of the app as its table gives it: a method (<c>*</c> for any) and its route template.</summary>
public sealed record EndpointRoute(string Method, string Template)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The route × role × other-business matrix. For one kind of person, every route of <see cref="RoutePolicy"/> is asked with
/// GET and with POST (with the antiforgery token of a page they can see, and without one), its ids filled with their own
/// records, with another business's, and with their own business naming another business's records; each answer is
/// compared with the answer the policy table implies. The requests run in three phases: the GETs; the POSTs that must be
/// refused (no token, a route the person may not use, another business's ids), between two fingerprints of the database
/// that must be equal; then the POSTs the person may make, which may change their own records. Each person's sweep runs
/// once and is shared (the CSV checks read which routes answered CSV).
/// </summary>
public sealed partial class RouteMatrix(SecurityPortal portal)
{
    private const string Get = "GET";
    private const string Post = "POST";

    /// <summary>Ids of records that belong to a business: named with another business's, they must not be found.</summary>
    private static readonly string[] BusinessRecords = ["applicationId", "attachmentId", "yearId", "shareholderId", "officerId", "memberId", "invitationId", "grantId"];

    /// <summary>
    /// Tables something other than the request writes to while the matrix runs, left out of the fingerprint: the outbox and
    /// the inbox (the dispatcher delivers in the background), integrity scans (the scheduler), and typed input an anonymous
    /// post to an application step leaves for its browser to take after signing in (FormRescue: nobody's data changes).
    /// </summary>
    public static readonly IReadOnlySet<string> NotFingerprinted = new HashSet<string>(StringComparer.Ordinal)
    {
        "OutboxMessages", "Notices", "IntegrityScans", "RescuedForms",
    };

    private readonly ConcurrentDictionary<string, Lazy<Task<Sweep>>> _sweeps = new(StringComparer.Ordinal);

    /// <summary>Every endpoint the running app has, read from its endpoint data source.</summary>
    public static IReadOnlyList<EndpointRoute> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [RoutePolicy.AnyMethod])
                .Select(method => new EndpointRoute(method, "/" + e.RoutePattern.RawText!.TrimStart('~', '/'))))
            .Distinct()
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    public Task<Sweep> SweepAsync(string role) =>
        _sweeps.GetOrAdd(role, r => new Lazy<Task<Sweep>>(() => RunAsync(portal.Of(r)))).Value;

    private async Task<Sweep> RunAsync(Actor actor)
    {
        var clock = Stopwatch.StartNew();
        var planned = Plan(actor).ToList();
        var probes = new List<Probe>();
        var failures = new List<string>();
        foreach (var request in planned.Where(p => p.Method == Get))
        {
            probes.Add(await SendAsync(actor, request));
        }

        var refusals = planned.Where(p => p.Method == Post && !p.Allowed).ToList();
        var before = await DatabaseFingerprint.TakeAsync(portal.Factory, NotFingerprinted);
        foreach (var request in refusals)
        {
            probes.Add(await SendAsync(actor, request));
        }

        var after = await DatabaseFingerprint.TakeAsync(portal.Factory, NotFingerprinted);
        failures.AddRange(DatabaseFingerprint.Changes(before, after)
            .Select(table => $"{actor.Role}: the {refusals.Count} refused POSTs changed {table}"));
        foreach (var request in planned.Where(p => p.Method == Post && p.Allowed))
        {
            probes.Add(await SendAsync(actor, request));
        }

        failures.InsertRange(0, probes.Where(p => !p.AsExpected).Select(p => p.ToString()));
        return new Sweep(actor.Role, probes, failures, clock.Elapsed);
    }

    /// <summary>One request to make: its route, method, ids, token, what it must answer, and whether the person may make it.</summary>
    private sealed record Planned(RouteRule? Rule, string Template, string Method, string Variant, IReadOnlyDictionary<string, string> Values, bool WithToken, IReadOnlySet<string> Expected, bool Allowed);

    private static IEnumerable<Planned> Plan(Actor actor)
    {
        foreach (var routes in RoutePolicy.Rules.GroupBy(r => r.Template, StringComparer.Ordinal))
        {
            foreach (var method in new[] { Get, Post })
            {
                var rule = routes.FirstOrDefault(r => r.Method == method || r.Method == RoutePolicy.AnyMethod);
                if (rule is null)
                {
                    // A route asked with a method it does not take: 405 for everyone, whoever they are.
                    yield return new Planned(null, routes.Key, method, "own", actor.Own, WithToken: true, Set("405"), Allowed: false);
                    continue;
                }

                foreach (var (variant, values) in Variants(actor, rule))
                {
                    var refusal = RefusalOf(rule, actor, variant);
                    if (method == Get)
                    {
                        yield return new Planned(rule, rule.Template, method, variant, values, WithToken: false, Expect(rule, method, refusal), refusal == Refusal.None);
                        continue;
                    }

                    if (!rule.Has(RouteTraits.NoAntiforgery) && variant == "own")
                    {
                        // Without a token: refused by the sign-in or role check where that comes first, else 400; never done.
                        var expected = refusal is Refusal.SignIn or Refusal.Role ? Expect(rule, method, refusal) : Set("400");
                        yield return new Planned(rule, rule.Template, method, variant, values, WithToken: false, expected, Allowed: false);
                    }

                    if (refusal == Refusal.None && rule.Has(RouteTraits.EndsSession))
                    {
                        // Allowed, but it would end the sweep's own sign-in: what it does is the sign-in tests' to show.
                        continue;
                    }

                    yield return new Planned(rule, rule.Template, method, variant, values, WithToken: true, Expect(rule, method, refusal), refusal == Refusal.None);
                }
            }
        }
    }

    /// <summary>
    /// The ids a person asks a route with: their own; for a business user, another business's; and where a business names
    /// records of its own, their own business with the other business's records (all of them, then only the last).
    /// </summary>
    private static IEnumerable<(string Variant, IReadOnlyDictionary<string, string> Values)> Variants(Actor actor, RouteRule rule)
    {
        yield return ("own", actor.Own);
        if (actor.Other is not { } other)
        {
            yield break;
        }

        var parameters = ParametersOf(rule.Template);
        var records = parameters.Where(p => BusinessRecords.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        var names = parameters.Contains("businessId", StringComparer.OrdinalIgnoreCase) || rule.Has(RouteTraits.ScopeInBody);
        if (names || records.Count > 0)
        {
            yield return ("other", other);
        }

        if (parameters.Contains("businessId", StringComparer.OrdinalIgnoreCase) && records.Count > 0)
        {
            yield return ("own business, other's records", Mix(actor.Own, other, records));
            if (records.Count > 1)
            {
                yield return ($"own business, other's {records[^1]}", Mix(actor.Own, other, [records[^1]]));
            }
        }
    }

    private static Dictionary<string, string> Mix(IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string> other, IEnumerable<string> fromOther)
    {
        var values = new Dictionary<string, string>(own.ToDictionary(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in fromOther)
        {
            values[name] = other[name];
            if (name == "applicationId")
            {
                values["reportApplicationId"] = other["reportApplicationId"];
            }
        }

        return values;
    }

    private enum Refusal
    {
        None,

        /// <summary>Not signed in: sent to sign in (401 under /api).</summary>
        SignIn,

        /// <summary>Signed in without the staff role the route's policy names: 403, before any form is read.</summary>
        Role,

        /// <summary>Not a member of the business named, or the record is not the business's: 404, after the token is checked.</summary>
        NotFound,

        /// <summary>A Member where only the Owner (or a Member with the right to submit) may: 403, after the token is checked.</summary>
        NotOwner,
    }

    /// <summary>Whether the policy lets this person use the route with their own ids.</summary>
    public static bool Allows(RouteRule rule, Actor actor) => RefusalOf(rule, actor, "own") == Refusal.None;

    private static Refusal RefusalOf(RouteRule rule, Actor actor, string variant)
    {
        if (rule.Access == Access.Anyone)
        {
            return Refusal.None;
        }

        if (!actor.SignedIn)
        {
            return Refusal.SignIn;
        }

        switch (rule.Access)
        {
            case Access.SignedIn:
                return Refusal.None;
            case Access.BusinessMember or Access.BusinessOwner or Access.BusinessSubmitter:
                if (!actor.IsBusinessUser || variant == "other")
                {
                    return Refusal.NotFound;
                }

                // The Owner-only check guards the whole route, before its records are looked for; the right to submit is
                // checked on the record found (the suite's Member has no right to submit).
                if (rule.Access == Access.BusinessOwner && actor.Role != SecurityPortal.Owner)
                {
                    return Refusal.NotOwner;
                }

                if (variant != "own")
                {
                    return Refusal.NotFound;
                }

                return rule.Access == Access.BusinessSubmitter && actor.Role != SecurityPortal.Owner ? Refusal.NotOwner : Refusal.None;
            default:
                return HasRoleFor(rule.Access, actor.StaffRoles) ? Refusal.None : Refusal.Role;
        }
    }

    private static bool HasRoleFor(Access access, string[] roles) => access switch
    {
        Access.Staff => roles.Length > 0,
        Access.Reviewer => roles.Contains(Web.Data.StaffRoles.Reviewer) || roles.Contains(Web.Data.StaffRoles.Supervisor),
        Access.Supervisor => roles.Contains(Web.Data.StaffRoles.Supervisor),
        Access.Administrator => roles.Contains(Web.Data.StaffRoles.Administrator),
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    private static HashSet<string> Expect(RouteRule rule, string method, Refusal refusal) => refusal switch
    {
        Refusal.SignIn => Set(rule.Has(RouteTraits.Api) ? "401" : "sign-in"),
        Refusal.Role or Refusal.NotOwner => Set("403"),
        Refusal.NotFound => Set("404"),
        _ when rule.Answers?.TryGetValue(method, out var status) == true => Set(status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        // A public page may lead back to signing in (a two-factor step without its first step, say).
        _ when rule.Access == Access.Anyone => Set("page", "redirect", "sign-in"),
        _ => Set("page", "redirect"),
    };

    private static HashSet<string> Set(params string[] outcomes) => new(outcomes, StringComparer.Ordinal);

    private async Task<Probe> SendAsync(Actor actor, Planned planned)
    {
        var path = Fill(planned.Template, planned.Values) + (planned.Rule?.Query is { } query ? FillText(query, planned.Values) : "");
        using var request = new HttpRequestMessage(new HttpMethod(planned.Method), new Uri(path, UriKind.Relative));
        if (planned.Method == Post)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (planned.WithToken)
            {
                fields.Add(new("__RequestVerificationToken", actor.Token));
            }

            if (planned.Rule?.Body is { } body)
            {
                fields.AddRange(FillText(body, planned.Values).Split('&').Select(pair => pair.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])));
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        using var response = await actor.Client.Http.SendAsync(request);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var outcome = OutcomeOf(response);
        var probe = new Probe(actor.Role, planned.Variant, planned.Method, planned.Template, path, planned.WithToken, (int)response.StatusCode, outcome, contentType, planned.Expected);
        if (!actor.IsStaff && contentType is not null && (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)))
        {
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(portal.OtherMarker, StringComparison.Ordinal))
            {
                // Reported through the expectation: a page showing another business's data is never what was expected.
                return probe with { Outcome = "showed the other business's data" };
            }
        }

        return probe;
    }

    private static string OutcomeOf(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            var path = location.Split('?', '#')[0];
            if (Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            {
                path = absolute.AbsolutePath;
            }

            return path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) ? "sign-in" : "redirect";
        }

        return response.StatusCode switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous => "page",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The names of a template's parameters, in order.</summary>
    public static IReadOnlyList<string> ParametersOf(string template) =>
        [.. Parameter().Matches(template).Select(m => m.Groups["name"].Value)];

    /// <summary>The template with each parameter filled with the caller's sample of it (escaped).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(template, m => Uri.EscapeDataString(SampleOf(template, m.Groups["name"].Value, values)));

    /// <summary>The template filled, but <paramref name="parameter"/> with <paramref name="encoded"/> as it is (already escaped).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, string parameter, string encoded) =>
        Parameter().Replace(template, m => m.Groups["name"].Value == parameter ? encoded : Uri.EscapeDataString(SampleOf(template, m.Groups["name"].Value, values)));

    public static string FillText(string text, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(text, m => Uri.EscapeDataString(SampleOf(text, m.Groups["name"].Value, values)));

    /// <summary>A route parameter's sample; <c>id</c> and <c>table</c> name different things on different routes.</summary>
    private static string SampleOf(string template, string name, IReadOnlyDictionary<string, string> values) => (name, template) switch
    {
        ("id", _) when template.StartsWith("/admin/measures", StringComparison.Ordinal) => values["adminMeasureId"],
        ("id", _) when template.StartsWith("/admin/", StringComparison.Ordinal) => values["staffBusinessId"],
        ("id", _) when template.StartsWith("/api/v1/subsidies", StringComparison.Ordinal) => values["slug"],
        ("table", _) when template.StartsWith("/dashboard", StringComparison.Ordinal) => "measure",
        ("table", _) => "members",
        // A performance report is open once the grant is decided.
        ("applicationId", _) when template.EndsWith("/report", StringComparison.Ordinal) => values["reportApplicationId"],
        _ => values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Route {template} has a parameter '{name}' with no sample value: give it one in SecurityPortal."),
    };

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
