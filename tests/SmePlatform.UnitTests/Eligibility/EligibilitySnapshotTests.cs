using SmePlatform.Domain.Eligibility;
using SmePlatform.UnitTests.Validators;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.UnitTests.Eligibility;

public class EligibilitySnapshotTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");

    /// <summary>The verdict kept at submission on a measure that sets no conditions says so, in both languages, without a mark.</summary>
    [Fact]
    public void AMeasureWithNoConditions_IsKeptWithThatReason_InBothLanguages()
    {
        var words = new ReasonText(Localizer.Japanese(), ReferenceCatalog.Load(Folder));

        var snapshot = EligibilitySnapshot.Of(new EligibilityVerdict(Verdict.Eligible, []), words);

        var reason = Assert.Single(snapshot.Reasons);
        Assert.Equal(("対象の条件は定められていません", "No eligibility conditions are set", ReasonText.NoMark), (reason.Ja, reason.En, reason.Mark));
        Assert.Equal(reason, Assert.Single(EligibilitySnapshot.Parse(snapshot.ToJson())!.Reasons));
    }
}
