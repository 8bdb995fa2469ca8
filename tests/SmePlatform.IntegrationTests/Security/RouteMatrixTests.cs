using Xunit.Abstractions;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// The route × role × other-business matrix (issue 20): every endpoint of the app, asked as a visitor, a business's Owner,
/// a Member of another business, and each staff role, with GET and with POST (with a valid antiforgery token, and without
/// one), with their own ids and with another business's, answers as the declared policy (<see cref="RoutePolicy"/>) says:
/// another business's records are 404, a route the person may not use is 403 or a redirect to sign in, a POST without a
/// token is 400 and changes nothing, nothing is ever a 5xx, and no page shows the business user another business's data.
/// </summary>
[Collection(nameof(SecurityCollection))]
public class RouteMatrixTests(SecurityPortal portal, ITestOutputHelper output)
{
    public static TheoryData<string> Roles => [.. SecurityPortal.Roles];

    [Fact]
    public void ThePolicyTable_DeclaresEveryEndpoint_AndNothingElse()
    {
        var endpoints = RouteMatrix.Endpoints(portal.Factory.Services);
        var declared = RoutePolicy.Rules.Select(r => new EndpointRoute(r.Method, r.Template)).ToList();

        var undeclared = endpoints.Except(declared).ToList();
        var stale = declared.Except(endpoints).ToList();
        var twice = declared.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(undeclared.Count == 0,
            "Endpoints the policy table (Security/RoutePolicy.cs) does not declare — say who may use each:\n" + string.Join('\n', undeclared.Select(e => $"  \"{e}\",")));
        Assert.True(stale.Count == 0, "Routes the policy table declares that the app does not have:\n" + string.Join('\n', stale));
        Assert.Empty(twice);
        Assert.True(endpoints.Count > 100, $"Only {endpoints.Count} endpoints were found.");
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryRoute_AskedByTheRole_AnswersAsThePolicySays(string role)
    {
        var sweep = await portal.Matrix.SweepAsync(role);

        output.WriteLine($"The {role}: {sweep.Probes.Count} requests in {sweep.Took.TotalSeconds:F1} s.");
        foreach (var outcome in sweep.Probes.GroupBy(p => p.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {outcome.Key}: {outcome.Count()}");
        }

        Assert.True(sweep.Failures.Count == 0, $"{sweep.Failures.Count} answers differ from the policy for the {role}:\n{string.Join('\n', sweep.Failures)}");
        // The matrix did ask: every route, with the other business's ids where a business user has one.
        Assert.True(sweep.Probes.Select(p => p.Template).Distinct().Count() == RoutePolicy.Rules.Select(r => r.Template).Distinct().Count());
        if (role is SecurityPortal.Owner or SecurityPortal.Member)
        {
            Assert.Contains(sweep.Probes, p => p.Variant == "other" && p.Outcome == "404");
        }
    }
}
