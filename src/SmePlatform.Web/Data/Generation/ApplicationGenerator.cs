using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Integrity;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Integrity;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// Synthetic businesses and applications for benchmarks and the dashboard: one business per ten applications, the
/// applications spread over the measures that have application forms, across every status of the lifecycle with the
/// history that led there (each move one the lifecycle allows), created over the last 120 days. The same seed and count give the same data. Numbers continue each form's
/// counter, so live submissions after a generation never collide with generated ones.
/// </summary>
public static class ApplicationGenerator
{
    private static readonly (ApplicationStatus Status, int Weight)[] Statuses =
    [
        (ApplicationStatus.Draft, 20), (ApplicationStatus.Submitted, 25), (ApplicationStatus.UnderReview, 20),
        (ApplicationStatus.ReturnedForCorrection, 5), (ApplicationStatus.Resubmitted, 5), (ApplicationStatus.Selected, 10),
        (ApplicationStatus.NotSelected, 10), (ApplicationStatus.GrantDecided, 4), (ApplicationStatus.Withdrawn, 1),
    ];


    /// <summary>
    /// Generates <paramref name="count"/> applications with their businesses; each submitted one is counted under its
    /// business's prefecture, industry and size class (<paramref name="sme"/>) as at submission. Every application has
    /// a project period and one to three expense lines naming invoices of their own; then known cases of every
    /// integrity rule are planted (<see cref="Plant"/>), and returned with the flags they must raise.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="sme">The SME definition that classifies the generated businesses (each is an SME unless planted otherwise).</param>
    /// <param name="count">How many applications (and a tenth as many businesses).</param>
    /// <param name="seed">The seed: the same seed and count give the same data.</param>
    /// <param name="nowUtc">Histories end before this instant.</param>
    /// <param name="report">Where progress is told.</param>
    public static async Task<GeneratedData> GenerateAsync(SmeDbContext db, SmeDefinition sme, int count, int seed, DateTime nowUtc, Action<string> report)
    {
        var forms = await db.ApplicationForms.AsNoTracking()
            .GroupBy(f => f.MeasureId)
            .Select(g => g.OrderByDescending(f => f.Version).First())
            .ToListAsync();
        if (forms.Count == 0)
        {
            report("No measure has an application form: start once with Seed:DemoMeasures=true (or add a form) first.");
            return new GeneratedData(0, []);
        }

        var random = new Random(seed);
        var codes = forms.ToDictionary(f => f.Id, f => f.Read().Code);
        var tracks = await FirstTracksAsync(db);
        var counters = await db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last);
        var businesses = await BusinessGenerator.InsertAsync(db, Math.Max(1, count / 10), seed, random, nowUtc, withOwners: false, smesOnly: sme);
        var sizes = businesses.ToDictionary(b => b.Id, b => sme.Classify(BusinessGenerator.FactsOf(b)).Class);
        var claims = new Dictionary<int, List<GeneratedClaim>>();
        var categories = Enum.GetNames<Features.Applications.ExpenseCategory>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<(Application Application, List<ApplicationTransition> History, List<ExpenseLine> Lines)>();
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                var form = forms[random.Next(forms.Count)];
                var status = Pick(random);
                var created = nowUtc.AddMinutes(-random.Next(60, 120 * 24 * 60));
                var business = businesses[random.Next(businesses.Count)];
                var projectStart = JapanTime.DateOf(created).AddDays(random.Next(30, 90));
                var (projectEnd, requestedYen) = (projectStart.AddDays(random.Next(90, 300)), random.Next(10, 1250) * 10_000L);
                var history = History(status, created, nowUtc, random);
                string? number = null;
                if (status != ApplicationStatus.Draft)
                {
                    var first = history.First(t => t.To == ApplicationStatus.Submitted).AtUtc;
                    var prefix = $"{JapanTime.DateOf(first).Year}-{codes[form.Id]}";
                    counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
                    number = $"{prefix}-{counters[prefix]:D6}";
                }

                // Its status and what follows from it are worked out from the history, each step checked against the lifecycle.
                var application = Application.Generated(
                    business.Id, form.MeasureId, form.Id, "generator", history, number, new SubmittedAs(sizes[business.Id], business.PrefectureCode, business.IndustryMajor));
                application.ProjectStart = projectStart;
                application.ProjectEnd = projectEnd;
                application.RequestedYen = requestedYen;
                application.Track = tracks.GetValueOrDefault(form.MeasureId);
                application.Version = 1;
                application.GrantedYen = ApplicationLifecycle.IsGranted(status) ? application.RequestedYen : null;
                // Lines of a vendor of this application's own, each naming an invoice of its own: nothing matches unless planted.
                var lines = Enumerable.Range(1, random.Next(1, 4)).Select(position => new ExpenseLine
                {
                    Position = position,
                    Category = categories[random.Next(categories.Length)],
                    Description = "生成経費",
                    Vendor = $"取引先 {seed}-{n}",
                    InvoiceRegistrationNumber = Issuers[random.Next(Issuers.Length)],
                    QuoteNumber = $"G{seed}-{n}-{position}",
                    AmountYen = random.Next(10, 500) * 10_000L,
                }).ToList();
                batch.Add((application, history, lines));
            }

            db.Applications.AddRange(batch.Select(b => b.Application));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            foreach (var (application, history, lines) in batch)
            {
                history.ForEach(t => t.ApplicationId = application.Id);
                lines.ForEach(l => l.ApplicationId = application.Id);
                if (IntegrityInspector.Claiming.Contains(application.Status))
                {
                    var line = lines[0];
                    (CollectionsMarshal.GetValueRefOrAddDefault(claims, application.BusinessId, out _) ??= []).Add(new GeneratedClaim(
                        application.Id, application.MeasureId, application.ProjectStart!.Value, application.ProjectEnd!.Value, line.InvoiceRegistrationNumber!, line.QuoteNumber!, lines.Count));
                }
            }

            await BulkInsert.RunAsync(db, batch.SelectMany(b => b.History));
            await BulkInsert.RunAsync(db, batch.SelectMany(b => b.Lines));
        }

        foreach (var (prefix, last) in counters)
        {
            if (await db.ApplicationNumberCounters.Where(c => c.Prefix == prefix).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, last)) == 0)
            {
                db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Prefix = prefix, Last = last });
            }
        }

        await db.SaveChangesAsync();
        var planted = await Plant(db, sme, businesses, claims, Math.Max(2, count / 20_000), new Random(seed + 2));
        await db.OptimizeAsync();
        report($"Generated {businesses.Count} businesses and {count} applications with seed {seed}.");
        foreach (var rule in planted.GroupBy(p => p.Rule))
        {
            report($"Planted {rule.Key}: {rule.Count()} flags to raise.");
        }

        return new GeneratedData(count, planted);
    }

    /// <summary>
    /// Plants <paramref name="perRule"/> known cases of each integrity rule, each on businesses of its own (none of
    /// which is in another case), and returns the flags they must raise — no more: every other generated claim is clean.
    /// Double receipt: a business's second claim gets the first one's period and a line naming its invoice. Shared
    /// invoice: a line naming another business's invoice. Grown large: a business over both limits of its industry.
    /// Deemed large: a large enterprise holding 60 %, for a business claiming under a measure that excludes them.
    /// Split to stay small: two businesses of one industry given one representative and address, each at 60 % of the
    /// employee limit.
    /// </summary>
    private static async Task<List<PlantedFlag>> Plant(
        SmeDbContext db, SmeDefinition sme, List<Business> businesses, Dictionary<int, List<GeneratedClaim>> claims, int perRule, Random random)
    {
        var exclusions = await db.SupportMeasures.AsNoTracking().Select(m => new { m.Id, m.Eligibility.DeemedLarge }).ToDictionaryAsync(m => m.Id, m => m.DeemedLarge);
        var used = new HashSet<int>();
        var planted = new List<PlantedFlag>();
        var lines = new List<ExpenseLine>();
        Business? Take(Func<Business, List<GeneratedClaim>, bool> suits)
        {
            for (var attempt = 0; attempt < 10_000; attempt++)
            {
                var business = businesses[random.Next(businesses.Count)];
                if (!used.Contains(business.Id) && claims.TryGetValue(business.Id, out var mine) && suits(business, mine))
                {
                    used.Add(business.Id);
                    return business;
                }
            }

            return null;
        }

        SmeLimits? RuleOf(Business business) => sme.Classify(BusinessGenerator.FactsOf(business)).Rule;

        ExpenseLine Naming(GeneratedClaim invoiceOf, GeneratedClaim on, string vendor) => new()
        {
            ApplicationId = on.Id,
            Position = on.Lines + 1,
            Category = nameof(Features.Applications.ExpenseCategory.Machinery),
            Description = "生成経費（既知の事例）",
            Vendor = vendor,
            InvoiceRegistrationNumber = invoiceOf.Issuer,
            QuoteNumber = invoiceOf.InvoiceNumber,
            AmountYen = 1_000_000,
        };

        for (var k = 0; k < perRule; k++)
        {
            if (Take((_, mine) => mine.Count >= 2) is { } twice)
            {
                var (first, second) = (claims[twice.Id][0], claims[twice.Id][1]);
                await db.Applications.Where(a => a.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectStart, first.Start).SetProperty(a => a.ProjectEnd, first.End));
                lines.Add(Naming(first, second, $"二重 取引先 {k}"));
                planted.Add(new(IntegrityRule.DoubleReceipt, first.Id));
                planted.Add(new(IntegrityRule.DoubleReceipt, second.Id));
            }

            if (Take((_, _) => true) is { } issuer && Take((_, _) => true) is { } copier)
            {
                var (original, copy) = (claims[issuer.Id][0], claims[copier.Id][0]);
                lines.Add(Naming(original, copy, $"共有 取引先 {k}"));
                planted.Add(new(IntegrityRule.SharedInvoice, original.Id));
                planted.Add(new(IntegrityRule.SharedInvoice, copy.Id));
            }

            if (Take((b, _) => RuleOf(b) is not null) is { } grown)
            {
                var rule = RuleOf(grown)!;
                await db.Businesses.Where(b => b.Id == grown.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.RegularEmployees, rule.Employees + 1 + k).SetProperty(b => b.CapitalYen, rule.CapitalYen + 1_000_000));
                planted.AddRange(claims[grown.Id].Select(c => new PlantedFlag(IntegrityRule.BecameLargeEnterprise, c.Id)));
            }

            if (Take((_, mine) => mine.Exists(c => exclusions[c.MeasureId] != DeemedLargeExclusion.NotExcluded)) is { } owned)
            {
                db.Set<ShareholderRecord>().Add(new ShareholderRecord { BusinessId = owned.Id, HolderName = "生成大企業株式会社", ShareBasisPoints = 6000, IsLargeEnterprise = true });
                planted.AddRange(claims[owned.Id].Where(c => exclusions[c.MeasureId] != DeemedLargeExclusion.NotExcluded)
                    .Select(c => new PlantedFlag(IntegrityRule.DeemedLargeEnterprise, c.Id)));
            }

            if (Take((b, _) => RuleOf(b) is not null) is { } one && RuleOf(one) is { } shared && Take((b, _) => RuleOf(b) == shared) is { } other)
            {
                var limit = shared.Employees;
                foreach (var part in new[] { one, other })
                {
                    await db.Businesses.Where(b => b.Id == part.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(b => b.RepresentativeName, $"分割 代表 {k}").SetProperty(b => b.PrefectureCode, one.PrefectureCode)
                        .SetProperty(b => b.City, "分割市").SetProperty(b => b.Street, "1番地").SetProperty(b => b.RegularEmployees, limit * 6 / 10 + 1));
                    planted.AddRange(claims[part.Id].Select(c => new PlantedFlag(IntegrityRule.SplitToStaySmall, c.Id)));
                }
            }
        }

        await db.SaveChangesAsync();
        await BulkInsert.RunAsync(db, lines);
        return planted;
    }

    /// <summary>Qualified-invoice registration numbers of a few generated vendors (corporate numbers with their check digits).</summary>
    private static readonly string[] Issuers =
        [.. Enumerable.Range(1, 50).Select(i => $"80000{i:D7}").Select(twelve => $"T{CorporateNumber.CheckDigit(twelve)}{twelve}")];

    /// <summary>A generated claiming application as planting needs it: its period, and the invoice its first line names.</summary>
    private sealed record GeneratedClaim(int Id, int MeasureId, DateOnly Start, DateOnly End, string Issuer, string InvoiceNumber, int Lines);

    /// <summary>
    /// Drafts ready to submit, for the submission benchmark: the first business the given person owns, the monozukuri
    /// demo form answered validly, one expense line, and <paramref name="attachments"/> PDFs of 1 MB each.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="ownerEmail">The owner whose business gets them.</param>
    /// <param name="count">How many drafts.</param>
    /// <param name="attachments">How many 1 MB PDFs each.</param>
    /// <param name="nowUtc">Their creation instant.</param>
    /// <param name="distinctLines">Each line a purchase of its own (its own vendor, quote and amount), as real applications'
    /// are; otherwise all alike, so each submission claims again what every earlier one claimed (a double receipt each).</param>
    /// <param name="report">Where progress is told.</param>
    public static async Task<int> GenerateDraftsAsync(
        SmeDbContext db, string ownerEmail, int count, int attachments, DateTime nowUtc, bool distinctLines, Action<string> report)
    {
        var normalized = ownerEmail.ToUpperInvariant();
        var owner = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync();
        var businessId = await db.BusinessMembers.Where(m => m.UserId == owner && m.Role == MemberRole.Owner).Select(m => (int?)m.BusinessId).FirstOrDefaultAsync();
        var form = await db.ApplicationForms.AsNoTracking()
            .Where(f => db.SupportMeasures.Any(m => m.Id == f.MeasureId && m.Slug == "monozukuri-2026"))
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync();
        if (owner is null || businessId is null || form is null)
        {
            report($"Needs the demo measures and a business owned by {ownerEmail}: start once with Seed:DemoAccounts and Seed:DemoMeasures.");
            return 0;
        }

        var definition = form.Read();
        var track = (await FirstTracksAsync(db)).GetValueOrDefault(form.MeasureId);
        var pdf = new byte[1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var n = 0; n < count; n++)
        {
            var application = Application.StartDraft(businessId.Value, form.MeasureId, form.Id, owner, nowUtc);
            application.ProjectStart = JapanTime.DateOf(nowUtc).AddMonths(2);
            application.ProjectEnd = JapanTime.DateOf(nowUtc).AddMonths(8);
            application.RequestedYen = 1_000_000;
            application.Track = track;
            application.Answers = [.. definition.Fields.Where(f => f.Kind != FieldKind.File).Select(f => new ApplicationAnswer { FieldKey = f.Key, Value = SampleAnswer(f) })];
            application.Expenses =
            [
                new ExpenseLine
                {
                    Position = 1, Category = "Machinery", Description = "NC旋盤", InvoiceRegistrationNumber = "T7000012050002",
                    Vendor = distinctLines ? $"株式会社サンプル機械 {n}" : "株式会社サンプル機械",
                    QuoteNumber = distinctLines ? $"Q-{n}" : null,
                    AmountYen = distinctLines ? 3_000_000 + n : 3_000_000,
                },
            ];
            application.Attachments = [.. definition.Fields.Where(f => f.Kind == FieldKind.File).Take(1).SelectMany(f => Enumerable.Range(1, attachments).Select(i => new ApplicationAttachment
            {
                FieldKey = f.Key,
                FileName = $"資料{i}.pdf",
                ContentType = "application/pdf",
                SizeBytes = pdf.Length,
                Sha256 = hash,
                UploadedAtUtc = nowUtc,
                UploadedByUserId = owner,
                Content = new AttachmentBlob { Bytes = pdf },
            }))];
            db.Applications.Add(application);
            if (n % 20 == 19)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        report($"Generated {count} drafts ready to submit, {attachments} × 1 MB attachments each, {(distinctLines ? "each line a purchase of its own" : "all lines alike")}.");
        return count;
    }

    /// <summary>An answer the field accepts (its minimum, its first choice, a fixed date or text).</summary>
    public static string SampleAnswer(FormField field) => field.Kind switch
    {
        FieldKind.Yen or FieldKind.Number => (field.Min ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldKind.Date => "2027-01-15",
        FieldKind.Choice or FieldKind.MultipleChoice => field.Choices[0].Value,
        FieldKind.LongText => "現状の課題と取組の内容を記載します。",
        _ => "テスト入力",
    };

    /// <summary>
    /// The moves that led to <paramref name="status"/>, each allowed by the lifecycle, from a draft made at
    /// <paramref name="createdUtc"/>: submitted within three days, then a step every few days (one in five reviews
    /// returns the application for correction once), all before <paramref name="nowUtc"/>.
    /// </summary>
    public static List<ApplicationTransition> History(ApplicationStatus status, DateTime createdUtc, DateTime nowUtc, Random random)
    {
        ApplicationStatus[] review = random.Next(5) == 0
            ? [ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview]
            : [ApplicationStatus.UnderReview];
        ApplicationStatus[] steps = status switch
        {
            ApplicationStatus.Draft => [],
            ApplicationStatus.Submitted => [ApplicationStatus.Submitted],
            ApplicationStatus.Withdrawn => [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
            ApplicationStatus.UnderReview => [ApplicationStatus.Submitted, .. review],
            ApplicationStatus.ReturnedForCorrection => [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection],
            ApplicationStatus.Resubmitted => [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted],
            ApplicationStatus.GrantDecided => [ApplicationStatus.Submitted, .. review, ApplicationStatus.Selected, ApplicationStatus.GrantDecided],
            ApplicationStatus.ReportSubmitted or ApplicationStatus.ReportReturned or ApplicationStatus.AmountConfirmed or ApplicationStatus.Paid =>
            [
                ApplicationStatus.Submitted, .. review, ApplicationStatus.Selected, ApplicationStatus.GrantDecided, ApplicationStatus.ReportSubmitted,
                .. status switch
                {
                    ApplicationStatus.ReportReturned => [ApplicationStatus.ReportReturned],
                    ApplicationStatus.AmountConfirmed => [ApplicationStatus.AmountConfirmed],
                    ApplicationStatus.Paid => [ApplicationStatus.AmountConfirmed, ApplicationStatus.Paid],
                    _ => Array.Empty<ApplicationStatus>(),
                },
            ],
            _ => [ApplicationStatus.Submitted, .. review, status],
        };

        // Minutes after creation: the submission within three days, each later step 1 to 10 days on; squeezed into the
        // time since creation when they would run past now.
        var offsets = new double[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            offsets[i] = (i == 0 ? 0 : offsets[i - 1]) + (i == 0 ? random.Next(10, 3 * 24 * 60) : random.Next(24 * 60, 10 * 24 * 60));
        }

        var room = (nowUtc - createdUtc).TotalMinutes - 1;
        var scale = steps.Length > 0 && offsets[^1] > room ? room / offsets[^1] : 1;
        var history = new List<ApplicationTransition> { new() { To = ApplicationStatus.Draft, AtUtc = createdUtc, ByUserId = "generator" } };
        for (var i = 0; i < steps.Length; i++)
        {
            history.Add(new ApplicationTransition { From = history[^1].To, To = steps[i], AtUtc = createdUtc.AddMinutes(offsets[i] * scale), ByUserId = "generator" });
        }

        return history;
    }

    private static ApplicationStatus Pick(Random random)
    {
        var roll = random.Next(Statuses.Sum(s => s.Weight));
        foreach (var (status, weight) in Statuses)
        {
            if (roll < weight)
            {
                return status;
            }

            roll -= weight;
        }

        return ApplicationStatus.Draft;
    }

    /// <summary>Each measure's first track (the one generated applications are made under), for measures whose terms have tracks.</summary>
    private static async Task<Dictionary<int, string?>> FirstTracksAsync(SmeDbContext db) =>
        (await db.SupportMeasures.AsNoTracking().Select(m => new { m.Id, m.Terms }).ToListAsync())
            .Where(m => m.Terms.Tracks.Count > 0)
            .ToDictionary(m => m.Id, m => (string?)m.Terms.Tracks[0].Key);
}

/// <summary>A flag the scan must raise on generated data: a planted case's rule on one application.</summary>
public sealed record PlantedFlag(IntegrityRule Rule, int ApplicationId);

/// <summary>What a generation made: how many applications, and the flags its planted cases must raise.</summary>
public sealed record GeneratedData(int Applications, IReadOnlyList<PlantedFlag> Planted);
