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
                var business = new Business
                {
                    LegalForm = LegalForm.Corporation,
                    CorporateNumber = $"{CorporateNumber.CheckDigit(twelve)}{twelve}",
                    Name = $"生成{seed}-{n}株式会社",
                    NameKana = "セイセイカブシキガイシャ",
                    Verification = VerificationState.Verified,
                    CreatedAtUtc = nowUtc.AddDays(-400),
                    UpdatedAtUtc = nowUtc.AddDays(-400),
                    PrefectureCode = (random.Next(47) + 1).ToString("D2", CultureInfo.InvariantCulture),
                    IndustryMajor = major,
                    IndustryMiddle = middle,
                    RegularEmployees = random.Next(1, 300),
                    CapitalYen = random.Next(1, 300) * 1_000_000L,
                    RepresentativeName = $"代表 {seed}-{n}",
                    City = "生成市",
                    Street = $"{n}番地",
                };
                if (smesOnly?.Classify(FactsOf(business)) is { Class: SmeClass.Large, Rule: { } rule })
                {
                    business.RegularEmployees = rule.Employees;
                }

                if (withOwners)
                {
                    var email = $"owner-{seed}-{n}@generated.example.jp";
                    var owner = new ApplicationUser
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
                    db.Users.Add(owner);
                    business.Members = [new BusinessMember { UserId = owner.Id, Role = MemberRole.Owner, CanSubmit = true, JoinedAtUtc = nowUtc.AddDays(-400) }];
                    business.Purposes = [.. purposes.OrderBy(_ => extras.Next()).Take(extras.Next(1, 3)).Select(p => new BusinessPurpose { Purpose = p })];
                    business.FoundedOn = new DateOnly(1970, 1, 1).AddDays(extras.Next(20_000));
                    business.Officers = [new OfficerRecord { Name = "生成 役員", AtLargeEnterprise = extras.Next(20) == 0 }];
                }

                batch.Add(business);
            }

            db.Businesses.AddRange(batch);
            await db.SaveChangesAsync();
            saved.AddRange(batch);
            db.ChangeTracker.Clear();
        }

        return saved;
    }

    /// <summary>A generated business's facts as the SME definition reads them (its industry to the middle category).</summary>
    internal static BusinessFacts FactsOf(Business business) =>
        new(business.LegalForm, IndustryCode.Of(business.IndustryMajor, business.IndustryMiddle, null), business.CapitalYen, business.RegularEmployees);
}
