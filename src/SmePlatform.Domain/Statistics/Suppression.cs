namespace SmePlatform.Domain.Statistics;

/// <summary>
/// A published number: how many (applications, say), and how many distinct businesses are behind it — which may be
/// counted only up to the threshold, since all suppression asks is whether there are enough.
/// </summary>
public readonly record struct Cell(long Count, int Businesses)
{
    public static Cell Zero => default;
}

/// <summary>
/// Small-cell suppression for statistics shown to analysts (APPI: no business may be singled out). A cell with
/// fewer than the threshold of businesses behind it (but more than none) is suppressed; then, wherever a line of a
/// table has exactly one suppressed cell and its total is shown, another cell of that line is suppressed too
/// (complementary suppression: the smallest non-zero one), or the total itself when there is none, until no shown
/// total and the shown cells of its line give a suppressed cell away. A zero stays: it singles no one out.
/// </summary>
public static class Suppression
{
    /// <summary>The cells to suppress in a grid whose last row and last column are the totals of the others.</summary>
    /// <param name="grid">Rows by columns; the last row holds the column totals, the last column the row totals, the corner the grand total.</param>
    /// <param name="threshold">The fewest businesses a shown cell may have (5 unless configured).</param>
    public static bool[,] Grid(Cell[,] grid, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var (rows, columns) = (grid.GetLength(0), grid.GetLength(1));
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                hidden[r, c] = grid[r, c].Businesses is > 0 && grid[r, c].Businesses < threshold;
            }
        }

        // Each line: a row's cells with the row total, or a column's cells with the column total.
        var lines = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => (r, c)).ToArray())
            .Concat(Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => (r, c)).ToArray()))
            .ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                var (total, cells) = (line[^1], line[..^1]);
                if (hidden[total.Item1, total.Item2] || cells.Count(p => hidden[p.Item1, p.Item2]) != 1)
                {
                    continue;
                }

                var partner = cells.Where(p => !hidden[p.Item1, p.Item2] && grid[p.Item1, p.Item2].Businesses > 0)
                    .OrderBy(p => grid[p.Item1, p.Item2].Businesses).ThenBy(p => grid[p.Item1, p.Item2].Count)
                    .Cast<(int, int)?>().FirstOrDefault() ?? total;
                hidden[partner.Item1, partner.Item2] = true;
                changed = true;
            }
        }
        while (changed);

        return hidden;
    }

    /// <summary>The cells of one breakdown and its total to suppress: the last flag is the total's.</summary>
    public static bool[] Line(IReadOnlyList<Cell> cells, Cell total, int threshold)
    {
        // One row of cells with its total, and the totals row below it (the same numbers).
        var grid = new Cell[2, cells.Count + 1];
        for (var c = 0; c <= cells.Count; c++)
        {
            grid[0, c] = grid[1, c] = c < cells.Count ? cells[c] : total;
        }

        var hidden = Grid(grid, threshold);
        return [.. Enumerable.Range(0, cells.Count + 1).Select(c => hidden[0, c])];
    }

    /// <summary>Whether a statistic (a median, a rate) computed over <paramref name="businesses"/> may be shown.</summary>
    public static bool MayShow(int businesses, int threshold) => businesses >= threshold;
}
