using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Applications.Submit;

namespace SmePlatform.TestSupport;

/// <summary>
/// Makes an application in the state a test needs by doing what people do, through the product's own code: the draft
/// begun and filled in by <see cref="ApplicationStore"/>, each submission made by <see cref="SubmitApplicationHandler"/>,
/// each later move by <see cref="ApplicationMoves"/> (the lifecycle consulted, the transition recorded, the outbox
/// written). No status is ever written: a state the product cannot reach cannot be built, and a step the product refuses
/// fails the build naming the step. Steps run in order when the builder is awaited; the application's id is the result:
/// <c>var id = await factory.Application(business, owner).Filled().Submitted().UnderReview().Returned();</c>
/// </summary>
public sealed class ApplicationBuilder
{
    private readonly SmeAppFactory _factory;
    private readonly int _businessId;
    private readonly string _applicantId;
    private readonly string _measureSlug;
    private readonly List<(string Name, Func<Task> Run)> _steps = [];
    private string _staffUserId = "test-reviewer";
    private TimeProvider? _clock;

    internal ApplicationBuilder(SmeAppFactory factory, int businessId, string applicantId, string measureSlug)
    {
        (_factory, _businessId, _applicantId, _measureSlug) = (factory, businessId, applicantId, measureSlug);
        _steps.Add(("draft", StartAsync));
    }

    /// <summary>Takes on an application already made, whose applicant is the one who began it.</summary>
    internal ApplicationBuilder(SmeAppFactory factory, int businessId, string applicantId, int applicationId)
    {
        (_factory, _businessId, _applicantId, _measureSlug, Id) = (factory, businessId, applicantId, "", applicationId);
    }

    /// <summary>The application's id, once built.</summary>
    public int Id { get; private set; }

    /// <summary>
    /// Steps after this one happen at <paramref name="utc"/> (the product's services given a clock standing there): for
    /// histories in the past, as the dashboard's statistics need.
    /// </summary>
    public ApplicationBuilder At(DateTime utc) => Then("at", () =>
    {
        _clock = new StandingClock(utc);
        return Task.CompletedTask;
    });

    /// <summary>The staff member who makes the later moves (a user id; a made-up one unless given).</summary>
    public ApplicationBuilder By(string staffUserId) => Then("by", () =>
    {
        _staffUserId = staffUserId;
        return Task.CompletedTask;
    });

    /// <summary>
    /// Every question of the form answered validly, a PDF for each file field, the measure's first track, and one expense
    /// line asking ¥1,000,000 (or as much as the terms allow this business, if less), as an applicant fills it in.
    /// </summary>
    public ApplicationBuilder Filled() => Then(nameof(Filled), async () =>
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = Service<ApplicationStore>(scope);
        var file = (await store.LoadAsync(_businessId, Id, tracked: true))!;
        foreach (var field in file.Form.Fields)
        {
            if (field.Kind == FieldKind.File)
            {
                store.Attach(file.Application, field.Key, "計画書.pdf", SampleFiles.Pdf(), _applicantId);
            }
            else
            {
                store.SetAnswers(file.Application, new Dictionary<string, string?> { [field.Key] = Web.Data.Generation.ApplicationGenerator.SampleAnswer(field) });
            }
        }

        // Under the measure's first track (an applicant must choose one where its terms have tracks), asking ¥1,000,000
        // or, where the terms allow less for this business, as much as they allow.
        var terms = file.Measure.Terms;
        store.SetTerms(file.Application, terms.Tracks.Count > 0 ? terms.Tracks[0].Key : null, []);
        var engine = scope.ServiceProvider.GetRequiredService<Domain.Eligibility.EligibilityEngine>();
        var limit = file.TermsFor(engine.Classify(file.Business.Facts).Class, file.Business.RegularEmployees).Outcome.Applied?.Limit(3_000_000);
        store.SetExpenses(file.Application, new DateOnly(2027, 1, 4), new DateOnly(2027, 9, 30), Math.Min(1_000_000, limit ?? long.MaxValue),
            [new ExpenseLine { Category = "Machinery", Description = "NC旋盤", Vendor = "株式会社サンプル機械", InvoiceRegistrationNumber = "T7000012050002", QuoteNumber = "Q-1", AmountYen = 3_000_000 }]);
        await store.SaveAsync();
    });

    /// <summary>Submitted by the applicant: the first time from a draft, again (resubmitted) after a return.</summary>
    public ApplicationBuilder Submitted() => Then(nameof(Submitted), async () =>
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var file = await LoadAsync(scope);
        var outcome = await Service<SubmitApplicationHandler>(scope).HandleAsync(
            new SubmitApplication(file, file.Application.Version, Guid.NewGuid().ToString("N"), _applicantId));
        Expect(outcome.IsDone, nameof(Submitted), outcome.Kind.ToString());
    });

    /// <summary>Resubmitted after a return for correction (a submission like the first).</summary>
    public ApplicationBuilder Resubmitted() => Submitted();

    /// <summary>Taken into review; with <paramref name="assigneeUserId"/>, by assigning it to that reviewer (as the workspace does).</summary>
    public ApplicationBuilder UnderReview(string? assigneeUserId = null) => assigneeUserId is null
        ? Moved(ApplicationStatus.UnderReview)
        : Then(nameof(UnderReview), async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var file = await LoadAsync(scope);
            var outcome = await Service<ApplicationMoves>(scope).AssignAsync(file, file.Application.Version, assigneeUserId, _staffUserId);
            Expect(outcome == MoveOutcome.Done, nameof(UnderReview), outcome.ToString());
        });

    /// <summary>Returned for correction by the reviewer, to be resubmitted within two weeks.</summary>
    public ApplicationBuilder Returned(string reason = "記載を補正してください。") =>
        Moved(ApplicationStatus.ReturnedForCorrection, reason, a => a.CorrectionDueAtUtc = Now().AddDays(14));

    public ApplicationBuilder Selected(string? reason = null) => Moved(ApplicationStatus.Selected, reason);

    public ApplicationBuilder NotSelected(string? reason = null) => Moved(ApplicationStatus.NotSelected, reason);

    /// <summary>The grant decision (交付決定) for <paramref name="grantedYen"/>.</summary>
    public ApplicationBuilder Granted(long grantedYen) => Moved(ApplicationStatus.GrantDecided, null, a => a.GrantedYen = grantedYen);

    /// <summary>Withdrawn by the applicant.</summary>
    public ApplicationBuilder Withdrawn(string? reason = null) => Moved(ApplicationStatus.Withdrawn, reason);

    /// <summary>
    /// On to <paramref name="to"/> the way the product gets there: a submission (<see cref="Submitted"/>) where that is the
    /// move, otherwise a move through <see cref="ApplicationMoves"/> (with <paramref name="change"/> made with it) by the
    /// applicant where they make it (<see cref="IsTheApplicantsMove"/>), by the staff member otherwise.
    /// </summary>
    public ApplicationBuilder Moved(ApplicationStatus to, string? reason = null, Action<Application>? change = null) =>
        to is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted
            ? Submitted()
            : Then($"{nameof(Moved)}({to})", () => MoveAsync(to, reason, change, byStaff: !IsTheApplicantsMove(to)));

    /// <summary>The moves the applicant makes: submissions, withdrawal and the performance report; staff make the rest.</summary>
    public static bool IsTheApplicantsMove(ApplicationStatus to) =>
        to is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted or ApplicationStatus.Withdrawn or ApplicationStatus.ReportSubmitted;

    /// <summary>On to <paramref name="status"/> from a draft, along the lifecycle table's shortest path (<see cref="PathTo"/>).</summary>
    public ApplicationBuilder To(ApplicationStatus status)
    {
        var builder = this;
        foreach (var step in PathTo(status) ?? throw new ArgumentException($"The lifecycle never reaches {status}.", nameof(status)))
        {
            builder = builder.Moved(step);
        }

        return builder;
    }

    /// <summary>The statuses after a draft on the lifecycle table's shortest path to <paramref name="target"/>; null when it is never reached.</summary>
    public static List<ApplicationStatus>? PathTo(ApplicationStatus target)
    {
        var before = new Dictionary<ApplicationStatus, ApplicationStatus> { [ApplicationStatus.Draft] = ApplicationStatus.Draft };
        var queue = new Queue<ApplicationStatus>([ApplicationStatus.Draft]);
        while (queue.TryDequeue(out var status))
        {
            foreach (var (_, next) in ApplicationLifecycle.AllMoves.Where(m => m.From == status && !before.ContainsKey(m.To)))
            {
                before[next] = status;
                queue.Enqueue(next);
            }
        }

        if (!before.ContainsKey(target))
        {
            return null;
        }

        var path = new List<ApplicationStatus>();
        for (var status = target; status != ApplicationStatus.Draft; status = before[status])
        {
            path.Insert(0, status);
        }

        return path;
    }

    /// <summary>Makes it; its id.</summary>
    public async Task<int> BuildAsync()
    {
        foreach (var (_, run) in _steps)
        {
            await run();
        }

        _steps.Clear();
        return Id;
    }

    public TaskAwaiter<int> GetAwaiter() => BuildAsync().GetAwaiter();

    private ApplicationBuilder Then(string name, Func<Task> run)
    {
        _steps.Add((name, run));
        return this;
    }

    private async Task StartAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var store = Service<ApplicationStore>(scope);
        var measure = await db.SupportMeasures.AsNoTracking().FirstAsync(m => m.Slug == _measureSlug);
        var form = await store.CurrentFormAsync(measure.Id) ?? throw new InvalidOperationException($"The measure {_measureSlug} takes no applications.");
        Id = (await store.StartAsync(_businessId, measure, form, _applicantId)).Id;
    }

    private async Task MoveAsync(ApplicationStatus to, string? reason, Action<Application>? change, bool byStaff)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var file = await LoadAsync(scope);
        var from = file.Application.Status;
        var outcome = await Service<ApplicationMoves>(scope).MoveAsync(
            file, file.Application.Version, to, byStaff ? _staffUserId : _applicantId, reason, byStaff, change);
        Expect(outcome == MoveOutcome.Done, $"{from} → {to}", outcome.ToString());
    }

    private async Task<ApplicationFile> LoadAsync(AsyncServiceScope scope) =>
        await Service<ApplicationStore>(scope).LoadForStaffAsync(Id, tracked: true) ?? throw new InvalidOperationException($"Application {Id} is not there.");

    /// <summary>The product's service, made with the builder's clock where one is set (<see cref="At"/>).</summary>
    private T Service<T>(AsyncServiceScope scope)
        where T : class =>
        _clock is null ? scope.ServiceProvider.GetRequiredService<T>() : ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, _clock);

    private DateTime Now() => (_clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    private void Expect(bool done, string step, string outcome)
    {
        if (!done)
        {
            throw new InvalidOperationException($"The product refused {step} for application {Id}: {outcome}.");
        }
    }

    /// <summary>A clock standing at one instant.</summary>
    private sealed class StandingClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
