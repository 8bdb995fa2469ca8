using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Privacy;

[Collection(nameof(PortalCollection))]
public class LogPrivacyTests(SmeAppFactory factory)
{
    /// <summary>
    /// Register, confirm, fail to sign in, sign in, reset the password: the logs of all of it carry no
    /// email address, name, password or token (APPI: log no personal data).
    /// </summary>
    [Fact]
    public async Task AccountJourneys_LeaveNoPersonalDataInTheLogs()
    {
        using var client = factory.CreatePortalClient();
        var email = $"private-{Guid.NewGuid():N}@test.example.jp";
        const string name = "秘密 太郎";
        const string password = "a private long passphrase";

        await client.SubmitAsync(await client.GetAsync("/account/register"), new Dictionary<string, string>
        {
            ["DisplayName"] = name,
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });
        var confirmation = new Uri(factory.Mailbox.LatestLinkTo(email));
        await client.GetAsync(confirmation.PathAndQuery);
        await client.SignInAsync(email, "a wrong long passphrase", null);
        await client.SignInAsync(email, password, null);
        await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = email });
        var token = System.Web.HttpUtility.ParseQueryString(confirmation.Query)["code"]!;

        var lines = factory.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Contains("/account/register", StringComparison.Ordinal));
        foreach (var secret in new[] { email, email.Split('@')[0], name, password, "a wrong long passphrase", token })
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
