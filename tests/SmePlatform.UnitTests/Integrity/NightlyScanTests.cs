using System.Globalization;
using SmePlatform.Web.Features.Integrity;

namespace SmePlatform.UnitTests.Integrity;

public class NightlyScanTests
{
    /// <summary>The nightly scan runs at 02:00 Japan time (17:00 UTC the day before).</summary>
    [Theory]
    [InlineData("2026-11-27T16:59:59Z", "2026-11-27T17:00:00Z")] // 01:59:59 JST: tonight, a second later
    [InlineData("2026-11-27T17:00:00Z", "2026-11-28T17:00:00Z")] // 02:00 JST exactly: it has just run, so tomorrow
    [InlineData("2026-11-28T00:00:00Z", "2026-11-28T17:00:00Z")] // 09:00 JST: the coming night
    [InlineData("2026-12-31T16:30:00Z", "2026-12-31T17:00:00Z")] // 01:30 JST on New Year's Day
    public void TheNextNightlyRun(string now, string expected)
    {
        var parse = (string s) => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.Equal(parse(expected), IntegrityScanService.NextNightlyUtc(parse(now)));
    }
}
