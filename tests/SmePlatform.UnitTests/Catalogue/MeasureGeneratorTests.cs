using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data.Generation;

namespace SmePlatform.UnitTests.Catalogue;

public class MeasureGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SameSeed_GivesTheSameMeasures_AnotherSeedDoesNot()
    {
        var first = MeasureGenerator.Generate(200, 7, Now).Select(m => (m.Slug, m.TitleJa, m.MaxAmountYen, m.AcceptanceEndUtc)).ToList();
        var again = MeasureGenerator.Generate(200, 7, Now).Select(m => (m.Slug, m.TitleJa, m.MaxAmountYen, m.AcceptanceEndUtc)).ToList();
        var other = MeasureGenerator.Generate(200, 8, Now).Select(m => (m.TitleJa, m.MaxAmountYen, m.AcceptanceEndUtc)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(m => (m.TitleJa, m.MaxAmountYen, m.AcceptanceEndUtc)), other);
    }

    [Fact]
    public void GeneratedMeasures_AreValid_AndCoverEveryKindPurposeAndState()
    {
        var measures = MeasureGenerator.Generate(2000, 42, Now).ToList();

        Assert.Equal(2000, measures.Count);
        Assert.Equal(2000, measures.Select(m => m.Slug).Distinct().Count());
        Assert.All(measures, m =>
        {
            Assert.True(m.MinAmountYen is null || m.MinAmountYen <= m.MaxAmountYen);
            Assert.Empty(m.Terms.Problems());
            Assert.True(m.AcceptanceStartUtc is null || m.AcceptanceStartUtc < m.AcceptanceEndUtc);
            Assert.NotEmpty(m.Purposes);
            Assert.Contains(SearchText.Fold(m.TitleJa), m.SearchText, StringComparison.Ordinal);
            Assert.Contains(SearchText.Fold(m.AgencyJa), m.SearchText, StringComparison.Ordinal);
            Assert.True(m.IsDemo);
        });
        Assert.Equal(Enum.GetValues<MeasureKind>().Order(), measures.Select(m => m.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<Purpose>().Order(), measures.SelectMany(m => m.Purposes.Select(p => p.Purpose)).Distinct().Order());
        var states = measures.Select(m => Acceptance.At(m.AcceptanceStartUtc, m.AcceptanceEndUtc, Now)).Distinct().ToList();
        Assert.Equal(4, states.Count);
    }
}
