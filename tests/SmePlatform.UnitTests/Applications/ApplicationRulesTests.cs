using SmePlatform.Domain.Applications;

namespace SmePlatform.UnitTests.Applications;

public class ApplicationRulesTests
{
    [Theory]
    [InlineData("T7000012050002", "T7000012050002")]
    [InlineData("t7000012050002", "T7000012050002")]
    [InlineData("Ｔ７０００－０１２０５－０００２", "T7000012050002")]
    [InlineData("T 7000 0120 5000 2", "T7000012050002")]
    [InlineData("7000012050002", null)]
    [InlineData("T700001205000", null)]
    [InlineData("T70000120500021", null)]
    [InlineData("X7000012050002", null)]
    [InlineData("T700001205000A", null)]
    [InlineData("", null)]
    public void InvoiceRegistrationNumbers_AreTAndThirteenDigits(string typed, string? stored) =>
        Assert.Equal(stored, InvoiceRegistrationNumber.Normalize(typed));

    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, true)]
    [InlineData(ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted, true)]
    [InlineData(ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.UnderReview, ApplicationStatus.Selected, true)]
    [InlineData(ApplicationStatus.UnderReview, ApplicationStatus.NotSelected, true)]
    [InlineData(ApplicationStatus.Selected, ApplicationStatus.GrantDecided, true)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, true)]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Selected, false)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Selected, false)]
    [InlineData(ApplicationStatus.NotSelected, ApplicationStatus.GrantDecided, false)]
    [InlineData(ApplicationStatus.Selected, ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.GrantDecided, ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.GrantDecided, ApplicationStatus.ReportSubmitted, true)]
    [InlineData(ApplicationStatus.ReportSubmitted, ApplicationStatus.ReportReturned, true)]
    [InlineData(ApplicationStatus.ReportReturned, ApplicationStatus.ReportSubmitted, true)]
    [InlineData(ApplicationStatus.ReportSubmitted, ApplicationStatus.AmountConfirmed, true)]
    [InlineData(ApplicationStatus.AmountConfirmed, ApplicationStatus.Paid, true)]
    [InlineData(ApplicationStatus.AmountConfirmed, ApplicationStatus.ReportReturned, true)]
    [InlineData(ApplicationStatus.Paid, ApplicationStatus.ReportReturned, false)]
    [InlineData(ApplicationStatus.Selected, ApplicationStatus.ReportSubmitted, false)]
    [InlineData(ApplicationStatus.ReportSubmitted, ApplicationStatus.Paid, false)]
    [InlineData(ApplicationStatus.ReportReturned, ApplicationStatus.AmountConfirmed, false)]
    [InlineData(ApplicationStatus.ReportSubmitted, ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.Paid, ApplicationStatus.ReportSubmitted, false)]
    public void TheLifecycle_AllowsOnlyItsMoves(ApplicationStatus from, ApplicationStatus to, bool allowed) =>
        Assert.Equal(allowed, ApplicationLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(ApplicationStatus.Resubmitted, "reviewer-1", "reviewer-1", true)]
    [InlineData(ApplicationStatus.Resubmitted, "reviewer-1", "reviewer-2", false)]
    [InlineData(ApplicationStatus.Resubmitted, null, "reviewer-1", false)]
    [InlineData(ApplicationStatus.Submitted, "reviewer-1", "reviewer-1", false)]
    [InlineData(ApplicationStatus.UnderReview, "reviewer-1", "reviewer-1", false)]
    [InlineData(ApplicationStatus.ReturnedForCorrection, "reviewer-1", "reviewer-1", false)]
    public void OnlyItsAssignee_ResumesTheReviewOfAResubmittedApplication(ApplicationStatus status, string? assignee, string user, bool allowed) =>
        Assert.Equal(allowed, ApplicationLifecycle.MayResume(status, assignee, user));

    private static SubmittedContent Content(string answer) => new(
        "2026-MONO-000001", 1, new DateTime(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc), "monozukuri-2026", 1,
        new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), 500_000,
        new Dictionary<string, string> { ["theme"] = answer, ["a"] = "1" },
        [new ExpenseLineContent("機械装置", "旋盤", "株式会社サンプル", "T7000012050002", "Q-1", 1_000_000)],
        [new AttachmentContent("plan", "計画.pdf", 120, "ab")],
        new Dictionary<string, string> { ["Name"] = "株式会社デモ" });

    [Fact]
    public void TheCanonicalForm_IsRfc8785_SortedCompactAndEscapedOnlyWhereItMust()
    {
        var canonical = Content("新\"製品\"\n開発").Canonical();

        Assert.StartsWith("""{"answers":{"a":"1","theme":"新\"製品\"\n開発"},"applicationNumber":"2026-MONO-000001","attachments":[{"field":"plan","fileName":"計画.pdf","sha256":"ab","sizeBytes":120}],""", canonical);
        Assert.Contains(""","projectEnd":"2027-06-30","projectStart":"2027-01-01","requestedYen":500000,"round":1,"submittedAt":"2026-11-27T06:00:00Z"}""", canonical);
        Assert.DoesNotContain(" ", canonical.Replace("\\\"", "", StringComparison.Ordinal).Split("新")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheHash_ChangesWithAnyAnswer_AndNotOtherwise()
    {
        Assert.Equal(Content("計画").Sha256(), Content("計画").Sha256());
        Assert.NotEqual(Content("計画").Sha256(), Content("計画 ").Sha256());
        Assert.Matches("^[0-9a-f]{64}$", Content("計画").Sha256());
    }

    [Fact]
    public void AFrozenSubmission_ReadsBackAsItWasWritten()
    {
        var content = Content("計画\n二行目");

        var read = SubmittedContent.Parse(content.Canonical());

        Assert.Equal(content.Canonical(), read.Canonical());
        Assert.Equal(content.SubmittedAtUtc, read.SubmittedAtUtc);
        Assert.Equal(DateTimeKind.Utc, read.SubmittedAtUtc.Kind);
    }
}
