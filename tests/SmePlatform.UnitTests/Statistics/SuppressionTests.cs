using SmePlatform.Domain.Statistics;

namespace SmePlatform.UnitTests.Statistics;

public class SuppressionTests
{
    private static Cell C(int businesses) => new(businesses * 2L, businesses);

    /// <summary>Cells given as business counts; the total is their sum (each business in one cell); expected: "x" hidden, "." shown.</summary>
    [Theory]
    [InlineData(new[] { 10, 20, 30 }, "...|.")]       // nothing small
    [InlineData(new[] { 4, 20, 30 }, "xx.|.")]        // one small cell: the next smallest hidden with it
    [InlineData(new[] { 4, 3, 30 }, "xx.|.")]         // two small cells protect each other
    [InlineData(new[] { 5, 20, 30 }, "...|.")]        // exactly the threshold is shown
    [InlineData(new[] { 4, 0, 30 }, "x.x|.")]         // a zero is no partner: it is known
    [InlineData(new[] { 4, 0, 0 }, "x..|x")]          // no partner at all: the total goes
    [InlineData(new[] { 1, 1, 1 }, "xxx|x")]          // the total itself is small
    [InlineData(new[] { 0, 0, 0 }, "...|.")]          // nothing to hide
    public void Line_PrimaryAndComplementary(int[] businesses, string expected)
    {
        var cells = businesses.Select(C).ToList();
        var total = C(businesses.Sum());

        var hidden = Suppression.Line(cells, total, threshold: 5);

        Assert.Equal(expected, string.Concat(hidden[..^1].Select(h => h ? 'x' : '.')) + "|" + (hidden[^1] ? 'x' : '.'));
    }

    [Fact]
    public void Line_WithAnotherThreshold()
    {
        var hidden = Suppression.Line([C(9), C(20), C(30)], C(59), threshold: 10);

        Assert.Equal([true, true, false, false], hidden);
    }

    [Fact]
    public void Grid_NoShownTotalGivesASuppressedCellAway()
    {
        // Two measures (rows) by three statuses (columns), totals last.
        int[,] businesses =
        {
            { 3, 12, 20, 35 },
            { 8, 15, 40, 63 },
            { 11, 27, 60, 98 },
        };
        var grid = new Cell[3, 4];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                grid[r, c] = C(businesses[r, c]);
            }
        }

        var hidden = Suppression.Grid(grid, threshold: 5);

        Assert.True(hidden[0, 0]);
        // Every line whose total is shown has zero or at least two hidden cells.
        for (var r = 0; r < 3; r++)
        {
            var count = Enumerable.Range(0, 3).Count(c => hidden[r, c]);
            Assert.True(hidden[r, 3] || count != 1, $"row {r}");
        }

        for (var c = 0; c < 4; c++)
        {
            var count = Enumerable.Range(0, 2).Count(r => hidden[r, c]);
            Assert.True(hidden[2, c] || count != 1, $"column {c}");
        }

        // The partners chosen are the smallest: (0,1) in row 0, (1,0) in column 0, then (1,1) to balance row 1 and column 1.
        Assert.Equal([true, true, false, false, true, true, false, false, false, false, false, false], hidden.Cast<bool>());
    }
}
