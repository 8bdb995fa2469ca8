using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data;

/// <summary>
/// The platform's one model. Each database provider has a thin subclass in Data/Providers that owns its
/// migration set (docs/adr/0002); everything else depends on this type only.
/// </summary>
public class SmeDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuthenticatorTimeStep> AuthenticatorTimeSteps => Set<AuthenticatorTimeStep>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<SupportMeasure> SupportMeasures => Set<SupportMeasure>();

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<BusinessMember> BusinessMembers => Set<BusinessMember>();

    public DbSet<ProfileChange> ProfileChanges => Set<ProfileChange>();

    public DbSet<BusinessInvitation> BusinessInvitations => Set<BusinessInvitation>();

    public DbSet<FinancialYear> FinancialYears => Set<FinancialYear>();

    public DbSet<ShareholderRecord> Shareholders => Set<ShareholderRecord>();

    public DbSet<OfficerRecord> Officers => Set<OfficerRecord>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<ConsentGrant> ConsentGrants => Set<ConsentGrant>();

    public DbSet<ConsentRead> ConsentReads => Set<ConsentRead>();

    public DbSet<ApplicationForm> ApplicationForms => Set<ApplicationForm>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationAnswer> ApplicationAnswers => Set<ApplicationAnswer>();

    public DbSet<ExpenseLine> ExpenseLines => Set<ExpenseLine>();

    public DbSet<ReportLine> ReportLines => Set<ReportLine>();

    public DbSet<ApplicationAttachment> ApplicationAttachments => Set<ApplicationAttachment>();

    public DbSet<AttachmentBlob> AttachmentBlobs => Set<AttachmentBlob>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<ApplicationTransition> ApplicationTransitions => Set<ApplicationTransition>();

    public DbSet<ApplicationNumberCounter> ApplicationNumberCounters => Set<ApplicationNumberCounter>();

    public DbSet<ChangeCounter> ChangeCounters => Set<ChangeCounter>();

    public DbSet<IntegrityFlag> IntegrityFlags => Set<IntegrityFlag>();

    public DbSet<IntegrityScan> IntegrityScans => Set<IntegrityScan>();

    public DbSet<IntegrityCheckJob> IntegrityCheckJobs => Set<IntegrityCheckJob>();

    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();

    public DbSet<RescuedForm> RescuedForms => Set<RescuedForm>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();

    public DbSet<SelfCheck.BenchmarkThreshold> BenchmarkThresholds => Set<SelfCheck.BenchmarkThreshold>();

    public DbSet<SelfCheck.BenchmarkRankCutoffs> BenchmarkRankCutoffs => Set<SelfCheck.BenchmarkRankCutoffs>();

    public DbSet<SelfCheck.SelfCheckAnswer> SelfCheckAnswers => Set<SelfCheck.SelfCheckAnswer>();

    /// <summary>
    /// Saves; when the save changes an application past the draft stage (a submission, a move, a generated one), it
    /// first raises the applications' <see cref="ChangeCounter"/> in the same transaction and stamps the value on them,
    /// so the dashboard can catch up on exactly what changed (<c>ApplicationFacts</c>). Drafts' autosaves do not count.
    /// Changes made with ExecuteUpdate bypass this: applications are changed through tracked entities only.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries<Application>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified
                && (e.Entity.Status != Domain.Applications.ApplicationStatus.Draft || e.Property(a => a.Status).IsModified))
            .ToList();
        if (changed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await StampAsync(changed, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            await StampAsync(changed, ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    private async Task StampAsync(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Application>> changed, CancellationToken cancellationToken)
    {
        // Raised and read back; on SQLite in one statement, as every statement inside the one writer's turn counts.
        long value;
        if (Database.IsSqlite())
        {
            value = (await Database
                    .SqlQuery<long>($"UPDATE \"ChangeCounters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {ChangeCounter.Applications} RETURNING \"Value\"")
                    .ToListAsync(cancellationToken))
                .Single();
        }
        else
        {
            var counter = ChangeCounters.Where(c => c.Name == ChangeCounter.Applications);
            await counter.ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
            value = await counter.Select(c => c.Value).SingleAsync(cancellationToken);
        }

        foreach (var entry in changed)
        {
            entry.Property(a => a.ChangeSeq).CurrentValue = value;
        }
    }

    /// <summary>The events aggregates raise are written to the outbox by every save (<see cref="DomainEventsToOutbox"/>).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(DomainEventsToOutbox.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SmeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC and come back marked as UTC on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}
