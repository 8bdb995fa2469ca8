using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

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
