using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// Generated businesses: verified companies with an industry, a prefecture, employees and capital from the seed, and
/// a representative and an address of their own (no two share them: the split-to-stay-small check finds only what
/// is planted).
/// With owners (the push benchmark), each also has an Owner account (no password: it cannot sign in), one or two
/// purposes, a founding date and one officer, so every eligibility rule can be judged for it.
/// </summary>
public static class BusinessGenerator
{
    private static readonly (string Major, string Middle)[] Industries = [("E", "09"), ("E", "26"), ("I", "58"), ("D", "06"), ("G", "39"), ("M", "76"), ("P", "83")];

    /// <summary>For <c>generate businesses</c>: <paramref name="count"/> businesses with owners; the number made.</summary>
    public static async Task<int> GenerateAsync(SmeDbContext db, int count, int seed, DateTime nowUtc, Action<string> log)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var first = await db.Businesses.CountAsync();
        var businesses = await InsertAsync(db, count, seed, new Random(seed), nowUtc, withOwners: true, numberFrom: first);
        await db.OptimizeAsync();
        log($"Generated {businesses.Count} businesses with owners (seed {seed}).");
        return businesses.Count;
    }

    /// <summary>Inserts businesses in batches of 2,000; they are returned saved (with their ids) and no longer tracked.</summary>
    /// <param name="db">The database.</param>
    /// <param name="count">How many.</param>
    /// <param name="seed">Part of each corporate number (with the index), so two seeds never collide.</param>
    /// <param name="random">The source of the facts (the caller's, so the applications generator's sequence is kept).</param>
    /// <param name="nowUtc">Their creation instant is 400 days before.</param>
    /// <param name="withOwners">Also an owner account, purposes, a founding date and an officer each, from a second sequence.</param>
    /// <param name="numberFrom">The first index of this run (a second run with the same seed continues the numbering).</param>
    /// <param name="smesOnly">When given, a business that would be large under this definition gets the employee limit of its industry instead.</param>
    internal static async Task<List<Business>> InsertAsync(
        SmeDbContext db, int count, int seed, Random random, DateTime nowUtc, bool withOwners, int numberFrom = 0, SmeDefinition? smesOnly = null)
    {
        var extras = new Random(seed + 1);
        var purposes = Enum.GetValues<Purpose>();
        var saved = new List<Business>(count);
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<Business>();
            for (var n = numberFrom + start; n < numberFrom + Math.Min(count, start + 2000); n++)
            {
                // 12 digits from the seed and the index, then the check digit: unique per (seed, n) up to 10^7 businesses.
                var twelve = $"9{seed % 10_000:D4}{n:D7}";
                var (major, middle) = Industries[random.Next(Industries.Length)];
                var prefecture = (random.Next(47) + 1).ToString("D2", CultureInfo.InvariantCulture);
                int? employees = random.Next(1, 300);
                var capital = random.Next(1, 300) * 1_000_000L;
                if (smesOnly?.Classify(new BusinessFacts(LegalForm.Corporation, IndustryCode.Of(major, middle, null), capital, employees)) is { Class: SmeClass.Large, Rule: { } rule })
                {
                    employees = rule.Employees;
                }

                var owner = withOwners ? Owner(seed, n, nowUtc) : null;
                if (owner is not null)
                {
                    db.Users.Add(owner);
                }

                // Registered and verified through the business, as a person would; the history this records is not kept (below).
                var registered = new ChangeSource(ProfileSource.SelfDeclared, owner?.Id ?? "generator", nowUtc.AddDays(-400));
                var business = Business.Register(LegalForm.Corporation, $"{CorporateNumber.CheckDigit(twelve)}{twelve}", $"生成{seed}-{n}株式会社", "セイセイカブシキガイシャ", registered);
                business.Change(
                    draft =>
                    {
                        (draft.PrefectureCode, draft.IndustryMajor, draft.IndustryMiddle, draft.RegularEmployees, draft.CapitalYen) = (prefecture, major, middle, employees, capital);
                        (draft.RepresentativeName, draft.City, draft.Street) = ($"代表 {seed}-{n}", "生成市", $"{n}番地");
                        if (owner is not null)
                        {
                            draft.SetPurposes(purposes.OrderBy(_ => extras.Next()).Take(extras.Next(1, 3)));
                            draft.FoundedOn = new DateOnly(1970, 1, 1).AddDays(extras.Next(20_000));
                        }
                    },
                    registered);
                business.Verify(VerificationEvidence.RegistryCertificate, registered with { Kind = ProfileSource.VerifiedByStaff });
                if (owner is null)
                {
                    business.Members.Clear();
                }
                else
                {
                    business.AddOfficer(new OfficerRecord { Name = "生成 役員", AtLargeEnterprise = extras.Next(20) == 0 }, registered);
                }

                batch.Add(business);
            }

            db.Businesses.AddRange(batch);
            await db.SaveChangesAsync();
            // The generated corpus stands for businesses registered long ago: their history is not part of it.
            var (firstId, lastId) = (batch.Min(b => b.Id), batch.Max(b => b.Id));
            await db.ProfileChanges.Where(c => c.BusinessId >= firstId && c.BusinessId <= lastId).ExecuteDeleteAsync();
            saved.AddRange(batch);
            db.ChangeTracker.Clear();
        }

        return saved;
    }

    private static ApplicationUser Owner(int seed, int n, DateTime nowUtc)
    {
        var email = $"owner-{seed}-{n}@generated.example.jp";
        return new ApplicationUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = $"生成 {n}",
            CreatedAtUtc = nowUtc.AddDays(-400),
        };
    }

    /// <summary>A generated business's facts as the SME definition reads them (its industry to the middle category).</summary>
    internal static BusinessFacts FactsOf(Business business) =>
        new(business.LegalForm, IndustryCode.Of(business.IndustryMajor, business.IndustryMiddle, null), business.CapitalYen, business.RegularEmployees);
}
