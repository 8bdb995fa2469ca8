using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

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


    /// <summary>Generates <paramref name="count"/> applications with their businesses; each submitted one is counted under
    /// its business's prefecture, industry and size class (<paramref name="sme"/>) as at submission.</summary>
    /// <param name="db">The database.</param>
    /// <param name="sme">The SME definition that classifies the generated businesses.</param>
    /// <param name="count">How many applications (and a tenth as many businesses).</param>
    /// <param name="seed">The seed: the same seed and count give the same data.</param>
    /// <param name="nowUtc">Histories end before this instant.</param>
    /// <param name="report">Where progress is told.</param>
    public static async Task<int> GenerateAsync(SmeDbContext db, SmeDefinition sme, int count, int seed, DateTime nowUtc, Action<string> report)
    {
        var forms = await db.ApplicationForms.AsNoTracking()
            .GroupBy(f => f.MeasureId)
            .Select(g => g.OrderByDescending(f => f.Version).First())
            .ToListAsync();
        if (forms.Count == 0)
        {
            report("No measure has an application form: start once with Seed:DemoMeasures=true (or add a form) first.");
            return 0;
        }

        var random = new Random(seed);
        var codes = forms.ToDictionary(f => f.Id, f => f.Read().Code);
        var counters = await db.ApplicationNumberCounters.ToDictionaryAsync(c => c.Prefix, c => c.Last);
        var businesses = await BusinessGenerator.InsertAsync(db, Math.Max(1, count / 10), seed, random, nowUtc, withOwners: false);
        var sizes = businesses.ToDictionary(b => b.Id, b => sme.Classify(new BusinessFacts(b.LegalForm, IndustryCode.Of(b.IndustryMajor, b.IndustryMiddle, null), b.CapitalYen, b.RegularEmployees)).Class);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += 2000)
        {
            var batch = new List<Application>();
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                var form = forms[random.Next(forms.Count)];
                var status = Pick(random);
                var created = nowUtc.AddMinutes(-random.Next(60, 120 * 24 * 60));
                var business = businesses[random.Next(businesses.Count)];
                var application = new Application
                {
                    BusinessId = business.Id,
                    MeasureId = form.MeasureId,
                    FormId = form.Id,
                    Status = status,
                    CreatedByUserId = "generator",
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                    StatusChangedAtUtc = created,
                    RequestedYen = random.Next(10, 1250) * 10_000L,
                    Version = 1,
                };
                application.Transitions.AddRange(History(status, created, nowUtc, random));
                if (status != ApplicationStatus.Draft)
                {
                    var first = application.Transitions.First(t => t.To == ApplicationStatus.Submitted).AtUtc;
                    var prefix = $"{JapanTime.DateOf(first).Year}-{codes[form.Id]}";
                    counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
                    application.Number = $"{prefix}-{counters[prefix]:D6}";
                    application.Rounds = application.Transitions.Count(t => t.To is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted);
                    // As the submitter keeps it: the last submission.
                    application.SubmittedAtUtc = application.Transitions.Last(t => t.To is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted).AtUtc;
                    application.DecidedAtUtc = application.Transitions.FirstOrDefault(t => t.To is ApplicationStatus.Selected or ApplicationStatus.NotSelected)?.AtUtc;
                    application.GrantedYen = ApplicationLifecycle.IsGranted(status) ? application.RequestedYen : null;
                    (application.PrefectureCode, application.IndustryMajor, application.SizeClass) = (business.PrefectureCode, business.IndustryMajor, sizes[business.Id]);
                    application.WasReturned = application.Transitions.Exists(t => t.To == ApplicationStatus.ReturnedForCorrection);
                }

                application.StatusChangedAtUtc = application.UpdatedAtUtc = application.Transitions[^1].AtUtc;
                batch.Add(application);
            }

            db.Applications.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        foreach (var (prefix, last) in counters)
        {
            if (await db.ApplicationNumberCounters.Where(c => c.Prefix == prefix).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, last)) == 0)
            {
                db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Prefix = prefix, Last = last });
            }
        }

        await db.SaveChangesAsync();
        await db.OptimizeAsync();
        report($"Generated {businesses.Count} businesses and {count} applications with seed {seed}.");
        return count;
    }

    /// <summary>
    /// Drafts ready to submit, for the submission benchmark: the first business the given person owns, the monozukuri
    /// demo form answered validly, one expense line, and <paramref name="attachments"/> PDFs of 1 MB each.
    /// </summary>
    public static async Task<int> GenerateDraftsAsync(SmeDbContext db, string ownerEmail, int count, int attachments, DateTime nowUtc, Action<string> report)
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
        var pdf = new byte[1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var n = 0; n < count; n++)
        {
            var application = new Application
            {
                BusinessId = businessId.Value,
                MeasureId = form.MeasureId,
                FormId = form.Id,
                Status = ApplicationStatus.Draft,
                CreatedByUserId = owner,
                CreatedAtUtc = nowUtc,
                UpdatedAtUtc = nowUtc,
                StatusChangedAtUtc = nowUtc,
                ProjectStart = JapanTime.DateOf(nowUtc).AddMonths(2),
                ProjectEnd = JapanTime.DateOf(nowUtc).AddMonths(8),
                RequestedYen = 1_000_000,
                Answers = [.. definition.Fields.Where(f => f.Kind != FieldKind.File).Select(f => new ApplicationAnswer { FieldKey = f.Key, Value = SampleAnswer(f) })],
                Expenses = [new ExpenseLine { Position = 1, Category = "Machinery", Description = "NC旋盤", Vendor = "株式会社サンプル機械", InvoiceRegistrationNumber = "T7000012050002", AmountYen = 3_000_000 }],
                Attachments = [.. definition.Fields.Where(f => f.Kind == FieldKind.File).Take(1).SelectMany(f => Enumerable.Range(1, attachments).Select(i => new ApplicationAttachment
                {
                    FieldKey = f.Key,
                    FileName = $"資料{i}.pdf",
                    ContentType = "application/pdf",
                    SizeBytes = pdf.Length,
                    Sha256 = hash,
                    UploadedAtUtc = nowUtc,
                    UploadedByUserId = owner,
                    Content = new AttachmentBlob { Bytes = pdf },
                }))],
            };
            application.Transitions.Add(new ApplicationTransition { To = ApplicationStatus.Draft, AtUtc = nowUtc, ByUserId = owner });
            db.Applications.Add(application);
            if (n % 20 == 19)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        report($"Generated {count} drafts ready to submit, {attachments} × 1 MB attachments each.");
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
    public static IReadOnlyList<ApplicationTransition> History(ApplicationStatus status, DateTime createdUtc, DateTime nowUtc, Random random)
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
}
