using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ApplicationFormConfiguration : IEntityTypeConfiguration<ApplicationForm>
{
    public void Configure(EntityTypeBuilder<ApplicationForm> builder)
    {
        builder.ToTable("ApplicationForms");
        builder.HasKey(f => f.Id);
        builder.HasOne<SupportMeasure>().WithMany().HasForeignKey(f => f.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.MeasureId, f.Version }).IsUnique().HasDatabaseName("UX_ApplicationForms_Measure_Version");
        builder.Property(f => f.Definition).IsRequired();
        builder.Property(f => f.CreatedByUserId).HasMaxLength(450);
    }
}

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.HasOne<Business>().WithMany().HasForeignKey(a => a.BusinessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportMeasure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationForm>().WithMany().HasForeignKey(a => a.FormId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.SizeClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Track).HasMaxLength(40);
        builder.Property(a => a.TopUps).HasMaxLength(400).IsRequired();
        builder.Ignore(a => a.TopUpKeys);
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.PrefectureCode).HasMaxLength(2);
        builder.Property(a => a.IndustryMajor).HasMaxLength(1);
        // The dashboard's catch-up read: the applications changed since the counter value it last saw.
        builder.HasIndex(a => a.ChangeSeq).HasDatabaseName("IX_Applications_ChangeSeq");
        builder.HasIndex(a => a.Number).IsUnique().HasDatabaseName("UX_Applications_Number");
        builder.HasIndex(a => new { a.BusinessId, a.Status }).HasDatabaseName("IX_Applications_Business_Status");
        builder.HasIndex(a => new { a.Status, a.MeasureId, a.SubmittedAtUtc }).HasDatabaseName("IX_Applications_Status_Measure_Submitted");
        // The review queue's order (oldest submission first): read in index order and stopped after a page.
        builder.HasIndex(a => a.SubmittedAtUtc).HasDatabaseName("IX_Applications_Submitted");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Expenses).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Transitions).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Corrections).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.ReportLines).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.PaymentReference).HasMaxLength(50);
        builder.Property(a => a.AssigneeUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.AssigneeUserId, a.Status }).HasDatabaseName("IX_Applications_Assignee_Status");
    }
}

public sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.ToTable("ApplicationAnswers");
        builder.HasKey(a => new { a.ApplicationId, a.FieldKey });
        builder.Property(a => a.FieldKey).HasMaxLength(40);
        builder.Property(a => a.Value).IsRequired();
    }
}

public sealed class ExpenseLineConfiguration : IEntityTypeConfiguration<ExpenseLine>
{
    public void Configure(EntityTypeBuilder<ExpenseLine> builder)
    {
        builder.ToTable("ExpenseLines");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ApplicationId, e.Position }).IsUnique().HasDatabaseName("UX_ExpenseLines_Application_Position");
        builder.Property(e => e.Category).HasMaxLength(50).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Vendor).HasMaxLength(200).IsRequired();
        builder.Property(e => e.InvoiceRegistrationNumber).HasMaxLength(14).IsFixedLength();
        builder.Property(e => e.QuoteNumber).HasMaxLength(50);
        // The integrity checks look up the lines naming an invoice.
        builder.Property(e => e.InvoiceKey).HasMaxLength(200);
        builder.HasIndex(e => e.InvoiceKey).HasDatabaseName("IX_ExpenseLines_InvoiceKey");
    }
}

public sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("ApplicationAttachments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ApplicationId, a.FieldKey }).HasDatabaseName("IX_ApplicationAttachments_Application_Field");
        builder.Property(a => a.FieldKey).HasMaxLength(40);
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentBlob>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("AttachmentBlobs");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.Property(c => c.Bytes).IsRequired();
    }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");
        builder.HasKey(s => s.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        // The two guarantees that make submitting idempotent on every provider (no check-then-insert). The key is the
        // application's own: another application's key posted here can never lead to that application's receipt.
        builder.HasIndex(s => new { s.ApplicationId, s.IdempotencyKey }).IsUnique().HasDatabaseName("UX_Submissions_Application_IdempotencyKey");
        builder.HasIndex(s => new { s.ApplicationId, s.Round }).IsUnique().HasDatabaseName("UX_Submissions_Application_Round");
        builder.Property(s => s.IdempotencyKey).HasMaxLength(64);
        builder.Property(s => s.ApplicationNumber).HasMaxLength(20);
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450);
        builder.Property(s => s.Content).IsRequired();
        builder.Property(s => s.ContentSha256).HasMaxLength(64).IsFixedLength();
    }
}

public sealed class ApplicationTransitionConfiguration : IEntityTypeConfiguration<ApplicationTransition>
{
    public void Configure(EntityTypeBuilder<ApplicationTransition> builder)
    {
        builder.ToTable("ApplicationTransitions");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.ApplicationId, t.AtUtc }).HasDatabaseName("IX_ApplicationTransitions_Application_At");
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.ByUserId).HasMaxLength(450);
        builder.Property(t => t.Reason).HasMaxLength(2000);
    }
}

public sealed class ApplicationNumberCounterConfiguration : IEntityTypeConfiguration<ApplicationNumberCounter>
{
    public void Configure(EntityTypeBuilder<ApplicationNumberCounter> builder)
    {
        builder.ToTable("ApplicationNumberCounters");
        builder.HasKey(c => c.Prefix);
        builder.Property(c => c.Prefix).HasMaxLength(13);
    }
}

public sealed class ReportLineConfiguration : IEntityTypeConfiguration<ReportLine>
{
    public void Configure(EntityTypeBuilder<ReportLine> builder)
    {
        builder.ToTable("ReportLines");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.ApplicationId, l.Position }).IsUnique().HasDatabaseName("UX_ReportLines_Application_Position");
        builder.Property(l => l.Category).HasMaxLength(50).IsRequired();
        builder.Property(l => l.Vendor).HasMaxLength(200).IsRequired();
        builder.Property(l => l.InvoiceRegistrationNumber).HasMaxLength(14).IsFixedLength();
        builder.Property(l => l.InvoiceNumber).HasMaxLength(50).IsRequired();
        // The integrity checks look up the lines naming an invoice.
        builder.Property(l => l.InvoiceKey).HasMaxLength(200);
        builder.HasIndex(l => l.InvoiceKey).HasDatabaseName("IX_ReportLines_InvoiceKey");
    }
}

public sealed class IntegrityFlagConfiguration : IEntityTypeConfiguration<IntegrityFlag>
{
    public void Configure(EntityTypeBuilder<IntegrityFlag> builder)
    {
        builder.ToTable("IntegrityFlags");
        builder.HasKey(f => f.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Rule).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.RaisedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Fingerprint).HasMaxLength(400);
        builder.Property(f => f.Explanation).HasMaxLength(60);
        builder.Property(f => f.Values).HasMaxLength(1000);
        builder.Property(f => f.Lines).HasMaxLength(4000);
        builder.Property(f => f.OtherBusinessIds).HasMaxLength(1000);
        builder.Property(f => f.DecidedByUserId).HasMaxLength(450);
        builder.Property(f => f.DecisionReason).HasMaxLength(2000);
        builder.Property(f => f.Version).IsConcurrencyToken();
        // A finding found again is the same flag: raised once per application, by the database's word.
        builder.HasIndex(f => new { f.ApplicationId, f.Fingerprint }).IsUnique().HasDatabaseName("UX_IntegrityFlags_Application_Fingerprint");
        // The queue's and the dashboard's "open flags" and "per rule".
        builder.HasIndex(f => new { f.State, f.Rule }).HasDatabaseName("IX_IntegrityFlags_State_Rule");
    }
}

public sealed class IntegrityScanConfiguration : IEntityTypeConfiguration<IntegrityScan>
{
    public void Configure(EntityTypeBuilder<IntegrityScan> builder)
    {
        builder.ToTable("IntegrityScans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.RequestedByUserId).HasMaxLength(450);
        builder.HasIndex(s => s.State).HasDatabaseName("IX_IntegrityScans_State");
    }
}

public sealed class IntegrityCheckJobConfiguration : IEntityTypeConfiguration<IntegrityCheckJob>
{
    public void Configure(EntityTypeBuilder<IntegrityCheckJob> builder)
    {
        builder.ToTable("IntegrityCheckJobs");
        builder.HasKey(j => j.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(j => j.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Source).HasConversion<string>().HasMaxLength(20);
        // The worker's read: the jobs still owed, in the order they are due.
        builder.HasIndex(j => new { j.DoneAtUtc, j.NextAttemptAtUtc }).HasDatabaseName("IX_IntegrityCheckJobs_Pending");
    }
}

public sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.ToTable("ChangeCounters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40);
        builder.HasData(new ChangeCounter { Name = ChangeCounter.Applications, Value = 0 });
    }
}

public sealed class RescuedFormConfiguration : IEntityTypeConfiguration<RescuedForm>
{
    public void Configure(EntityTypeBuilder<RescuedForm> builder)
    {
        builder.ToTable("RescuedForms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32).IsFixedLength();
        builder.Property(r => r.Path).HasMaxLength(300);
        builder.Property(r => r.Fields).IsRequired();
        builder.Property(r => r.BrowserKeyHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(r => r.ExpiresAtUtc).HasDatabaseName("IX_RescuedForms_Expires");
    }
}

public sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.ToTable("CorrectionRequests");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.ApplicationId, c.Round }).HasDatabaseName("IX_CorrectionRequests_Application_Round");
        builder.Property(c => c.FieldKey).HasMaxLength(40);
        builder.Property(c => c.Reason).HasMaxLength(1000).IsRequired();
    }
}
