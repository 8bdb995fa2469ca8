using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Integrity;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>One kind of person the security suite acts as: their signed-in client, and the ids of their own records.</summary>
public sealed record Actor(string Role, PortalClient Client, string[] StaffRoles, IReadOnlyDictionary<string, string> Own, string Token)
{
    /// <summary>The same ids of another business, for a business user (null for staff and visitors, who own no business).</summary>
    public IReadOnlyDictionary<string, string>? Other { get; init; }

    public bool SignedIn => Role != SecurityPortal.Visitor;

    public bool IsBusinessUser => Role is SecurityPortal.Owner or SecurityPortal.Member;

    public bool IsStaff => StaffRoles.Length > 0;

    public override string ToString() => Role;
}

/// <summary>
/// The records of one business the suite seeds: a returned application with its attachment, a granted one (whose
/// performance report is open), and one row of each kind.
/// </summary>
public sealed record SeededBusiness(
    int BusinessId, int ApplicationId, int AttachmentId, int YearId, int ShareholderId, int OfficerId, int MemberId, int InvitationId, int GrantId,
    int ReportApplicationId)
{
    /// <summary>The route values that name these records.</summary>
    public Dictionary<string, string> Values() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["businessId"] = Text(BusinessId),
        ["applicationId"] = Text(ApplicationId),
        ["attachmentId"] = Text(AttachmentId),
        ["yearId"] = Text(YearId),
        ["shareholderId"] = Text(ShareholderId),
        ["officerId"] = Text(OfficerId),
        ["memberId"] = Text(MemberId),
        ["invitationId"] = Text(InvitationId),
        ["grantId"] = Text(GrantId),
        ["reportApplicationId"] = Text(ReportApplicationId),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The portal the route matrix and the CSV checks share (a factory of its own: the matrix posts to every form, so it must
/// not share its data with other tests): a business for the owner, another for the member, a third — "the other
/// business", whose every record carries <see cref="OtherMarker"/> — that the business users must never reach, one
/// application with an integrity flag for the staff, and each kind of person signed in once.
/// </summary>
public sealed class SecurityPortal : IAsyncLifetime
{
    public const string Visitor = "visitor";
    public const string Owner = "owner";
    public const string Member = "member";
    public const string Reviewer = "reviewer";
    public const string Supervisor = "supervisor";
    public const string Analyst = "analyst";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> Roles = [Visitor, Owner, Member, Reviewer, Supervisor, Analyst, Administrator];

    /// <summary>In the other business's name and in every record of it: a page showing it to the owner or member has leaked it.</summary>
    public string OtherMarker { get; } = $"他社{Guid.NewGuid():N}"[..14];

    /// <summary>Values starting as a spreadsheet formula starts, typed into the owner's records: the CSV exports must neutralise them.</summary>
    public static readonly IReadOnlyList<string> FormulaValues =
    [
        "=HYPERLINK(\"https://evil.example/\",\"csvinj\")",
        "+csvinj+1",
        "-csvinj-1",
        "@SUM(csvinj)",
        "\tcsvinj",
        "\rcsvinj",
    ];

    /// <summary>The word every <see cref="FormulaValues"/> carries, to find its cells.</summary>
    public const string FormulaMarker = "csvinj";

    public SecurityPortal() => (Matrix, Corpus) = (new RouteMatrix(this), new BadInputCorpus(this));

    public SmeAppFactory Factory { get; } = new SecurityAppFactory();

    /// <summary>The route matrix over this portal: each person's sweep runs once, whichever test reads it first.</summary>
    public RouteMatrix Matrix { get; }

    /// <summary>The bad-input corpus over this portal: each part runs once, whichever test reads it first.</summary>
    public BadInputCorpus Corpus { get; }

    public IReadOnlyList<Actor> Actors { get; private set; } = [];

    public SeededBusiness OwnersBusiness { get; private set; } = null!;

    public SeededBusiness OtherBusiness { get; private set; } = null!;

    public Actor Of(string role) => Actors.Single(a => a.Role == role);

    public async Task InitializeAsync()
    {
        var factory = Factory;
        var measureId = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "monozukuri-2026").Select(m => m.Id).SingleAsync());
        var adminMeasure = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Published);

        var owner = await factory.CreateUserAsync();
        OwnersBusiness = await SeedBusinessAsync(owner, "テスト工業株式会社", FormulaValues);
        var member = await factory.CreateUserAsync();
        var membersOwner = await factory.CreateUserAsync();
        var membersBusiness = await SeedBusinessAsync(membersOwner, "メンバー工業株式会社", ["メンバーの記録"]);
        await factory.WithDbAsync(async db =>
        {
            db.BusinessMembers.Add(new BusinessMember { BusinessId = membersBusiness.BusinessId, UserId = member.Id, Role = MemberRole.Member, JoinedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        OtherBusiness = await SeedBusinessAsync(await factory.CreateUserAsync(), OtherMarker + "株式会社", [OtherMarker]);

        // The staff's application: the second of two that claim the same expense line, so it carries a flag.
        var applicant = await factory.CreateUserAsync();
        var staffBusiness = await SeedBusinessAsync(applicant, "審査用工業株式会社", ["審査用の記録"]);
        var flagged = await factory.CreateApplicationAsync(await factory.WithDbAsync(db => db.Businesses.SingleAsync(b => b.Id == staffBusiness.BusinessId)), applicant, returnedForCorrection: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var inspector = scope.ServiceProvider.GetRequiredService<IntegrityInspector>();
            await inspector.RaiseAsync(flagged, await inspector.InspectAsync(flagged), FlagSource.Review);
        }

        var flagId = await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.ApplicationId == flagged).Select(f => f.Id).FirstAsync());
        var flaggedAttachment = await factory.WithDbAsync(db => db.ApplicationAttachments.Where(a => a.ApplicationId == flagged).Select(a => a.Id).FirstAsync());

        // Invitations of a business nobody here belongs to, one for each person: a link they may open and accept.
        var host = await SeedBusinessAsync(await factory.CreateUserAsync(), "招待元株式会社", ["招待元の記録"]);

        Dictionary<string, string> Common(int businessOfStaff) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["slug"] = "monozukuri-2026",
            ["measureId"] = measureId.ToString(CultureInfo.InvariantCulture),
            ["adminMeasureId"] = adminMeasure.Id.ToString(CultureInfo.InvariantCulture),
            ["staffBusinessId"] = businessOfStaff.ToString(CultureInfo.InvariantCulture),
            ["statusCode"] = "404",
            // No staff member: the roles page of a real one would have its roles cleared by the matrix's empty POST.
            ["userId"] = "no-such-user",
            ["code"] = "1000001",
            ["documentName"] = "v1",
            ["round"] = "1",
            ["section"] = "plan",
            ["industry"] = "E",
            ["indicator"] = "SalesGrowth",
            ["token"] = "no-such-invitation",
        };

        Dictionary<string, string> With(Dictionary<string, string> values, params (string Key, string Value)[] more)
        {
            foreach (var (key, value) in more)
            {
                values[key] = value;
            }

            return values;
        }

        // Two more of the staff business's applications, further on: one under review, one selected (its grant is the
        // Supervisor's), both assigned to the suite's Supervisor (below), so the review page shows every decision form.
        var underReview = await factory.CreateApplicationAsync(await factory.WithDbAsync(db => db.Businesses.SingleAsync(b => b.Id == staffBusiness.BusinessId)), applicant, returnedForCorrection: true);
        var selected = await factory.CreateApplicationAsync(await factory.WithDbAsync(db => db.Businesses.SingleAsync(b => b.Id == staffBusiness.BusinessId)), applicant, returnedForCorrection: true);

        var actors = new List<Actor>();
        foreach (var role in Roles)
        {
            var client = factory.CreatePortalClient();
            TestUser? user = null;
            var staffRoles = role switch
            {
                Reviewer => new[] { StaffRoles.Reviewer },
                Supervisor => [StaffRoles.Reviewer, StaffRoles.Supervisor],
                Analyst => [StaffRoles.Analyst],
                Administrator => [StaffRoles.Administrator],
                _ => [],
            };
            if (role == Owner)
            {
                user = owner;
            }
            else if (role == Member)
            {
                user = member;
            }
            else if (staffRoles.Length > 0)
            {
                user = await factory.CreateUserAsync(staffRoles, twoFactor: true);
            }

            Dictionary<string, string> own;
            Dictionary<string, string>? other = null;
            if (role is Owner or Member)
            {
                var mine = role == Owner ? OwnersBusiness : membersBusiness;
                own = With(Common(staffBusiness.BusinessId), [.. mine.Values().Select(v => (v.Key, v.Value))]);
                other = With(Common(staffBusiness.BusinessId), [.. OtherBusiness.Values().Select(v => (v.Key, v.Value))]);
            }
            else
            {
                // Staff own no business: the business pages they are asked for are the staff application's, which is not theirs.
                own = With(Common(staffBusiness.BusinessId), [.. staffBusiness.Values().Select(v => (v.Key, v.Value))]);
                own["applicationId"] = flagged.ToString(CultureInfo.InvariantCulture);
                own["attachmentId"] = flaggedAttachment.ToString(CultureInfo.InvariantCulture);
            }

            own["flagId"] = flagId.ToString(CultureInfo.InvariantCulture);
            if (other is not null)
            {
                other["flagId"] = own["flagId"];
            }

            if (user is not null)
            {
                var signedIn = await client.SignInAsync(user);
                Assert.NotEqual("/account/login", signedIn.Url.AbsolutePath);
                var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
                await factory.WithDbAsync(async db =>
                {
                    db.BusinessInvitations.Add(new BusinessInvitation
                    {
                        BusinessId = host.BusinessId,
                        Email = user.Email.ToLowerInvariant(),
                        TokenHash = MembersController.Hash(token),
                        InvitedByUserId = user.Id,
                        CreatedAtUtc = DateTime.UtcNow,
                        ExpiresAtUtc = DateTime.UtcNow.AddDays(BusinessInvitation.DaysValid),
                    });
                    return await db.SaveChangesAsync();
                });
                own["token"] = token;
                if (other is not null)
                {
                    other["token"] = token;
                }
            }

            if (role == Supervisor)
            {
                // Resubmitted by the applicant, then assigned to the Supervisor (which takes them into review), one selected.
                await (await factory.ApplicationOfAsync(underReview)).Resubmitted().By(user!.Id).UnderReview(assigneeUserId: user.Id);
                await (await factory.ApplicationOfAsync(selected)).Resubmitted().By(user.Id).UnderReview(assigneeUserId: user.Id).Selected();
            }

            if (staffRoles.Length > 0)
            {
                own["underReviewApplicationId"] = underReview.ToString(CultureInfo.InvariantCulture);
                own["selectedApplicationId"] = selected.ToString(CultureInfo.InvariantCulture);
            }

            // A token from a page this person can see: the language switch is on every page.
            var home = await client.GetAsync("/");
            actors.Add(new Actor(role, client, staffRoles, own, home.AntiforgeryToken) { Other = other });
        }

        Actors = actors;
    }

    /// <summary>
    /// A confirmed business with every basic, an application submitted and returned (with its PDF), and one financial
    /// year, shareholder, officer, Member (not the suite's), open invitation and consent grant; <paramref name="texts"/> are
    /// written into its people's names and typed words, in turn.
    /// </summary>
    public async Task<SeededBusiness> SeedBusinessAsync(TestUser owner, string name, IReadOnlyList<string> texts)
    {
        var factory = Factory;
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var granted = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        await factory.GrantAsync(granted, 500_000);
        var someone = await factory.CreateUserAsync();
        var membership = await factory.AddMemberAsync(business, someone);
        var next = 0;
        string Text() => texts[next++ % texts.Count];
        var now = DateTime.UtcNow;
        var year = new FinancialYear { BusinessId = business.Id, ClosingDate = new DateOnly(2025, 3, 31), Sales = 120_000_000, OperatingProfit = 3_000_000, NetAssets = 40_000_000, TotalAssets = 90_000_000, Employees = 12 };
        var shareholder = new ShareholderRecord { BusinessId = business.Id, HolderName = Text(), ShareBasisPoints = 4_000 };
        var officer = new OfficerRecord { BusinessId = business.Id, Name = Text() };
        var invitation = new BusinessInvitation
        {
            BusinessId = business.Id,
            Email = $"invitee-{Guid.NewGuid():N}@test.example.jp",
            TokenHash = MembersController.Hash(Guid.NewGuid().ToString("N")),
            InvitedByUserId = owner.Id,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(BusinessInvitation.DaysValid),
        };
        var grant = new ConsentGrant { BusinessId = business.Id, PartnerId = 1, Group = ItemGroup.Basics, Purpose = Text(), GrantedAtUtc = now, GrantedByUserId = owner.Id, ExpiresAtUtc = now.AddDays(30) };
        var (memberName, street, description, theme) = (Text(), Text(), Text(), Text());
        await factory.WithDbAsync(async db =>
        {
            db.FinancialYears.Add(year);
            db.Shareholders.Add(shareholder);
            db.Officers.Add(officer);
            db.BusinessInvitations.Add(invitation);
            db.ConsentGrants.Add(grant);
            await db.SaveChangesAsync();
            await db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, name).SetProperty(b => b.Street, street));
            await db.Users.Where(u => u.Id == someone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, memberName));
            await db.ExpenseLines.Where(l => l.ApplicationId == applicationId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Description, description));
            return await db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == "theme").ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, theme));
        });
        var attachmentId = await factory.WithDbAsync(db => db.ApplicationAttachments.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).FirstAsync());
        return new SeededBusiness(business.Id, applicationId, attachmentId, year.Id, shareholder.Id, officer.Id, membership.Id, invitation.Id, grant.Id, granted);
    }

    public Task DisposeAsync()
    {
        foreach (var actor in Actors)
        {
            actor.Client.Dispose();
        }

        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The suite's portal: as every test's, with the sign-in throttle raised out of the way, since the matrix posts to each
/// sign-in form as every kind of person within a minute (the throttle has tests of its own).
/// </summary>
public sealed class SecurityAppFactory : SmeAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:Authentication:PermitLimit", "100000");
    }
}

/// <summary>The route matrix and the CSV checks share one <see cref="SecurityPortal"/>.</summary>
[CollectionDefinition(nameof(SecurityCollection))]
public sealed class SecurityCollection : ICollectionFixture<SecurityPortal>;

/// <summary>The bad-input corpus has a <see cref="SecurityPortal"/> of its own: it saves what forms accept of it.</summary>
[CollectionDefinition(nameof(BadInputCollection))]
public sealed class BadInputCollection : ICollectionFixture<SecurityPortal>;
