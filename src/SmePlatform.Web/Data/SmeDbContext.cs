using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data;

/// <summary>
/// The platform's one model. Each database provider has a thin subclass in Data/Providers that owns its
/// migration set (docs/adr/0002); everything else depends on this type only.
/// </summary>
public class SmeDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

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
