using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SmePlatform.IntegrationTests.Security;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Accounts;

/// <summary>
/// Sign-in tells nobody which email addresses have an account: an address without one, a wrong password, an
/// unconfirmed account and a locked one get the same page and status, after the same work (one password checked).
/// </summary>
[Collection(nameof(SignInCollection))]
public class AccountEnumerationTests
{
    private readonly SignInPortal _portal;

    public AccountEnumerationTests(SignInPortal portal)
    {
        _portal = portal;
        portal.Clock.Advance(TimeSpan.FromSeconds(SignInPortal.GlobalWindowSeconds + 1));
    }

    [Fact]
    public async Task WrongPassword_UnknownAddress_UnconfirmedAndLockedAccounts_GetTheSameAnswer_AfterTheSameWork()
    {
        var existing = await _portal.CreateUserAsync();
        var unconfirmed = await _portal.CreateUserAsync();
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        // Locked as wrong security codes lock it (Identity's lockout).
        var locked = await _portal.CreateUserAsync();
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));

        var answers = new List<(string Case, HttpStatusCode Status, string Page)>();
        foreach (var (name, email) in new[]
        {
            ("unknown", $"nobody-{Guid.NewGuid():N}@test.example.jp"),
            ("wrong password", existing.Email),
            ("unconfirmed", unconfirmed.Email),
            ("locked", locked.Email),
        })
        {
            // A password of its own for each, to count how often the hasher was asked to check it.
            var password = $"a wrong password for {name} {Guid.NewGuid():N}";
            using var client = _portal.CreateClientAt(_portal.NewNetwork());
            var page = await client.SignInAsync(email, password, null);
            Assert.Equal("メールアドレスまたはパスワードが正しくありません", page.ErrorFor("Email"));
            Assert.True(_portal.Hasher.ChecksOf(password) == 1, $"{name}: the password was checked {_portal.Hasher.ChecksOf(password)} times, not once.");
            answers.Add((name, page.Status, Comparable(page)));
        }

        Assert.All(answers, answer => Assert.Equal((HttpStatusCode.OK, answers[0].Page), (answer.Status, answer.Page)));
    }

    /// <summary>Only the right password learns that an account is unconfirmed or locked.</summary>
    [Fact]
    public async Task UnconfirmedAndLockedAccounts_AreToldSo_OnlyWithTheRightPassword()
    {
        var unconfirmed = await _portal.CreateUserAsync();
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        var locked = await _portal.CreateUserAsync();
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));
        using var client = _portal.CreateClientAt(_portal.NewNetwork());

        Assert.Contains("メールアドレスの確認が済んでいません", (await client.SignInAsync(unconfirmed)).ErrorFor("Email"), StringComparison.Ordinal);
        Assert.Contains("ロックされています", (await client.SignInAsync(locked)).ErrorFor("Email"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The part of a page that could differ between the answers: the main content, without what always differs (the
    /// antiforgery token) and what was typed (the email address kept in its field).
    /// </summary>
    public static string Comparable(Page page)
    {
        var main = (IHtmlElement)page.Document.QuerySelector("main")!.Clone(deep: true);
        foreach (var token in main.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
        {
            token.Remove();
        }

        main.QuerySelector("#Email")?.SetAttribute("value", "");
        return $"{page.Document.Title}\n{main.OuterHtml}";
    }
}
