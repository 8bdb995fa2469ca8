namespace SmePlatform.IntegrationTests.Security;

/// <summary>Who may use a route: the declared policy the route matrix checks the portal against.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Any signed-in person; a visitor is sent to sign in.</summary>
    SignedIn,

    /// <summary>A member (Owner or Member) of the business the request names; anyone else signed in gets 404.</summary>
    BusinessMember,

    /// <summary>The business's Owner; its Members get 403, anyone else signed in 404.</summary>
    BusinessOwner,

    /// <summary>The Owner, or a Member with the right to submit; a Member without it gets 403, anyone else signed in 404.</summary>
    BusinessSubmitter,

    /// <summary>Any staff role (Reviewer, Supervisor, Analyst, Administrator), signed in with two factors.</summary>
    Staff,

    /// <summary>A Reviewer or a Supervisor.</summary>
    Reviewer,

    /// <summary>A Supervisor.</summary>
    Supervisor,

    /// <summary>An Administrator.</summary>
    Administrator,
}

/// <summary>What else the matrix must know about a route.</summary>
[Flags]
public enum RouteTraits
{
    None = 0,

    /// <summary>Under <c>/api</c> (or a hub): a visitor gets 401, not a redirect to sign in.</summary>
    Api = 1,

    /// <summary>Reads nothing from a form and changes nothing, so it takes no antiforgery token (error pages, health checks, the hub).</summary>
    NoAntiforgery = 2,

    /// <summary>Ends or changes the caller's own sign-in (sign out, two-factor changes): never posted by a person the route allows.</summary>
    EndsSession = 4,

    /// <summary>Names the business in the form, not the path (<c>businessId</c> posted): the action checks the membership itself.</summary>
    ScopeInBody = 8,
}

/// <summary>
/// One route of the portal and who may use it. <see cref="Query"/> and <see cref="Body"/> are sent with every request to the
/// route (<c>{name}</c> is filled with the caller's sample of that name); <see cref="Answers"/> is what an allowed request
/// answers when that is not a page or a redirect (the error page answers the status it shows), by method.
/// </summary>
public sealed record RouteRule(string Method, string Template, Access Access, RouteTraits Traits = RouteTraits.None)
{
    public string? Query { get; init; }

    public string? Body { get; init; }

    public IReadOnlyDictionary<string, int>? Answers { get; init; }

    /// <summary>Query or form parameters that name a record (a measure's slug, a business): a value that names none is rightly 404.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>Why this route answers an allowed request as it does, when it is not a page or a redirect.</summary>
    public string? Why { get; init; }

    public bool Has(RouteTraits trait) => (Traits & trait) == trait;

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The portal's declared access policy, route by route, in groups: the route matrix (<see cref="RouteMatrixTests"/>) asks
/// every route as every kind of person and compares each answer with what this table says. Every endpoint of the app must
/// be here and everything here must be an endpoint: a route added to the portal fails the matrix until it is declared.
/// </summary>
public static class RoutePolicy
{
    /// <summary>A route's methods as the endpoint table gives them; <c>*</c> for an endpoint that answers any method.</summary>
    public const string AnyMethod = "*";

    public static readonly IReadOnlyList<RouteRule> Rules =
    [
        // Public pages and forms: anyone, signed in or not.
        .. Declare(Access.Anyone,
            "GET /", "GET /about", "GET /terms", "GET /privacy", "GET /accessibility", "GET /contact",
            "GET /measures", "GET /measures/{slug}", "GET /eligibility-check", "GET /self-check/try", "POST /self-check/try",
            "POST /language",
            "GET /account/register", "POST /account/register", "GET /account/register/check-email",
            "GET /account/login", "POST /account/login",
            "GET /account/forgot-password", "POST /account/forgot-password", "GET /account/forgot-password/check-email",
            "GET /account/reset-password/done"),
        new("GET", "/self-check", Access.Anyone) { Why = "a visitor is shown what the self-check is; a signed-in person is taken to their business's" },
        new("GET", "/account/confirm-email", Access.Anyone) { Query = "?userId=nobody&code=nothing" },
        new("GET", "/account/reset-password", Access.Anyone) { Query = "?userId=nobody&code=nothing" },
        // Half-way through a two-factor sign-in: without the first step's cookie these lead back to the sign-in page.
        new("GET", "/account/login/two-factor", Access.Anyone),
        new("POST", "/account/login/two-factor", Access.Anyone),
        new("GET", "/account/login/recovery-code", Access.Anyone),
        new("POST", "/account/login/recovery-code", Access.Anyone),
        new("POST", "/account/reset-password", Access.Anyone),
        new("POST", "/account/logout", Access.Anyone, RouteTraits.EndsSession),
        new(AnyMethod, "/error/{statusCode:int}", Access.Anyone, RouteTraits.NoAntiforgery) { Answers = Both(404), Why = "the error page answers the status it shows" },
        new(AnyMethod, "/health/live", Access.Anyone, RouteTraits.NoAntiforgery),
        new(AnyMethod, "/health/ready", Access.Anyone, RouteTraits.NoAntiforgery),

        // The open-data API: anyone.
        .. Declare(Access.Anyone, RouteTraits.Api,
            "GET /api/v1/subsidies", "GET /api/v1/subsidies/id/{id}", "GET /api/v1/postal-codes/{code}", "GET /openapi/{documentName}.json"),
        new("GET", "/api/v1/eligibility-check", Access.Anyone, RouteTraits.Api)
        {
            Query = "?industry=E&industryMiddle=29&capitalYen=10000000&employees=12&prefecture=13&foundedOn=2016-04-01&legalForm=corporation&purposes=equipment-investment",
        },

        // A signed-in person's own things, whoever they are.
        .. Declare(Access.SignedIn,
            "GET /account/manage", "GET /account/manage/change-password", "POST /account/manage/change-password",
            "GET /account/manage/two-factor", "GET /account/manage/two-factor/authenticator", "POST /account/manage/two-factor/authenticator",
            "GET /businesses", "GET /businesses/register", "POST /businesses/register",
            "GET /recommendations", "GET /notices", "GET /notices/settings", "POST /notices/settings", "POST /notices/mute/{measureId:int}",
            "GET /rescued-forms/latest"),
        new("GET", "/applications/new", Access.SignedIn) { Query = "?measure={slug}", Records = ["measure"] },
        // Starting an application names the business in the form: only its members may.
        new("POST", "/applications/new", Access.BusinessMember, RouteTraits.ScopeInBody) { Query = "?measure={slug}", Body = "businessId={businessId}", Records = ["measure", "businessId"] },
        // An invitation link is a capability: whoever holds it sees whose invitation it is, and only the invited address may accept.
        new("GET", "/invitations/{token}", Access.SignedIn),
        new("POST", "/invitations/{token}", Access.SignedIn),
        new("POST", "/account/manage/two-factor/recovery-codes", Access.SignedIn, RouteTraits.EndsSession),
        new("POST", "/account/manage/two-factor/disable", Access.SignedIn, RouteTraits.EndsSession),
        new("GET", "/account/manage/sessions", Access.SignedIn),
        // Ending a sign-in names it in the form: without one the request is malformed (400), another person's is not found.
        // The page's own form names the sign-in it ends, which may be this one: the sweeps leave it to the sessions tests.
        new("POST", "/account/manage/sessions/end", Access.SignedIn, RouteTraits.EndsSession) { Answers = Both(400), Why = "no sign-in named in the form" },
        new("POST", "/account/manage/sessions/end-all", Access.SignedIn, RouteTraits.EndsSession),

        // One business's pages: its members.
        .. Declare(Access.BusinessMember,
            "GET /businesses/{businessId:int}/profile",
            "GET /businesses/{businessId:int}/profile/basics", "POST /businesses/{businessId:int}/profile/basics",
            "GET /businesses/{businessId:int}/profile/industry", "POST /businesses/{businessId:int}/profile/industry",
            "GET /businesses/{businessId:int}/profile/financials", "POST /businesses/{businessId:int}/profile/financials",
            "POST /businesses/{businessId:int}/profile/financials/{yearId:int}/delete",
            "GET /businesses/{businessId:int}/profile/ownership",
            "POST /businesses/{businessId:int}/profile/ownership/shareholders", "POST /businesses/{businessId:int}/profile/ownership/shareholders/{shareholderId:int}/delete",
            "POST /businesses/{businessId:int}/profile/ownership/officers", "POST /businesses/{businessId:int}/profile/ownership/officers/{officerId:int}/delete",
            "GET /businesses/{businessId:int}/profile/activities", "POST /businesses/{businessId:int}/profile/activities",
            "GET /businesses/{businessId:int}/recommendations", "POST /businesses/{businessId:int}/recommendations/answers",
            "GET /businesses/{businessId:int}/self-check", "POST /businesses/{businessId:int}/self-check/answers",
            "GET /businesses/{businessId:int}/applications",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/profile",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/profile/change", "POST /businesses/{businessId:int}/applications/{applicationId:int}/profile/change",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/sections/{section}", "POST /businesses/{businessId:int}/applications/{applicationId:int}/sections/{section}",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/expenses", "POST /businesses/{businessId:int}/applications/{applicationId:int}/expenses",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/check",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/receipts/{round:int}",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/attachments/{attachmentId:int}",
            "GET /businesses/{businessId:int}/applications/{applicationId:int}/report", "POST /businesses/{businessId:int}/applications/{applicationId:int}/report"),

        // Submitting names the version seen and a key for the attempt; a Member without the right is told so on the page.
        new("POST", "/businesses/{businessId:int}/applications/{applicationId:int}/submit", Access.BusinessMember) { Body = "idempotencyKey=route-matrix&version=0" },
        new("POST", "/businesses/{businessId:int}/applications/{applicationId:int}/withdraw", Access.BusinessSubmitter),

        // What only the business's Owner may do: its history, members, consents and export.
        .. Declare(Access.BusinessOwner,
            "GET /businesses/{businessId:int}/profile/history",
            "GET /businesses/{businessId:int}/members", "POST /businesses/{businessId:int}/members/invite",
            "POST /businesses/{businessId:int}/members/{memberId:int}/rights", "POST /businesses/{businessId:int}/members/{memberId:int}/remove",
            "POST /businesses/{businessId:int}/members/invitations/{invitationId:int}/revoke",
            "GET /businesses/{businessId:int}/consents", "POST /businesses/{businessId:int}/consents",
            "POST /businesses/{businessId:int}/consents/{grantId:int}/revoke",
            "GET /businesses/{businessId:int}/export", "GET /businesses/{businessId:int}/export/json", "GET /businesses/{businessId:int}/export/csv/{table}"),

        // Application statistics: every staff role.
        .. Declare(Access.Staff, "GET /dashboard", "GET /dashboard/csv/{table}"),
        new("GET", "/api/v1/stats/applications", Access.Staff, RouteTraits.Api),
        // The live dashboard's hub: a connection is negotiated (POST), then opened with the id it gave.
        new(AnyMethod, "/hubs/dashboard", Access.Staff, RouteTraits.NoAntiforgery) { Answers = Both(400), Why = "a connection without the id its negotiation gave is a bad request" },
        new(AnyMethod, "/hubs/dashboard/negotiate", Access.Staff, RouteTraits.NoAntiforgery) { Answers = new Dictionary<string, int> { ["GET"] = 405 }, Why = "negotiation is a POST" },

        // Review, verification and ownership: Reviewers and Supervisors.
        .. Declare(Access.Reviewer,
            "GET /review", "GET /review/{applicationId:int}", "GET /review/{applicationId:int}/attachments/{attachmentId:int}",
            "POST /review/{applicationId:int}/assign", "POST /review/{applicationId:int}/resume", "POST /review/{applicationId:int}/decide",
            "POST /review/{applicationId:int}/report",
            "GET /review/scans",
            "GET /admin/verification", "GET /admin/verification/find", "POST /admin/verification/{id:int}",
            "GET /admin/businesses/{id:int}/transfer", "POST /admin/businesses/{id:int}/transfer"),
        new("POST", "/review/{applicationId:int}/flags/{flagId:long}", Access.Reviewer) { Answers = Both(400), Why = "a decision on a flag is confirm or dismiss: none is a bad request" },

        // Decisions with money, and starting a scan: Supervisors.
        .. Declare(Access.Supervisor, "POST /review/{applicationId:int}/grant", "POST /review/{applicationId:int}/payment", "POST /review/scans"),

        // The catalogue, the reference data and the staff accounts: Administrators.
        .. Declare(Access.Administrator,
            "GET /admin/measures", "GET /admin/measures/new", "POST /admin/measures/new",
            "GET /admin/measures/{id:int}", "POST /admin/measures/{id:int}", "GET /admin/measures/{id:int}/history",
            "POST /admin/measures/{id:int}/publish", "POST /admin/measures/{id:int}/archive",
            "GET /admin/measures/{id:int}/terms", "POST /admin/measures/{id:int}/terms",
            "GET /admin/measures/{id:int}/form", "POST /admin/measures/{id:int}/form",
            "GET /admin/measures/import", "POST /admin/measures/import",
            "GET /admin/self-check", "GET /admin/self-check/cutoffs", "POST /admin/self-check/cutoffs",
            "GET /admin/self-check/industries/{industry}",
            "GET /admin/self-check/industries/{industry}/{indicator}", "POST /admin/self-check/industries/{industry}/{indicator}",
            "GET /admin/staff", "GET /admin/staff/new", "POST /admin/staff/new"),
        // A staff member's roles: the sample user is no staff member, so the page is not found (StaffRolesTests use real ones).
        new("GET", "/admin/staff/{userId}/roles", Access.Administrator) { Answers = Both(404), Why = "the sample user is not staff" },
        new("POST", "/admin/staff/{userId}/roles", Access.Administrator) { Answers = Both(404), Why = "the sample user is not staff" },
    ];

    private static Dictionary<string, int> Both(int status) => new() { ["GET"] = status, ["POST"] = status };

    private static IEnumerable<RouteRule> Declare(Access access, params string[] routes) => Declare(access, RouteTraits.None, routes);

    private static IEnumerable<RouteRule> Declare(Access access, RouteTraits traits, params string[] routes) =>
        routes.Select(route => route.Split(' ', 2) switch
        {
            [var method, var template] => new RouteRule(method, template, access, traits),
            _ => throw new ArgumentException($"'{route}' is not 'METHOD /template'.", nameof(routes)),
        });
}
