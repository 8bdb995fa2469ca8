using SmePlatform.Domain.Time;

namespace SmePlatform.UnitTests.Time;

public class JapanTimeTests
{
    [Theory]
    [InlineData("2026-11-27T08:00:00Z", "2026-11-27T17:00:00")]
    [InlineData("2026-11-27T15:00:00Z", "2026-11-28T00:00:00")] // midnight JST is 15:00 UTC the day before
    [InlineData("2026-12-31T14:59:59Z", "2026-12-31T23:59:59")]
    public void FromUtc_AddsNineHours(string utc, string expectedJapan)
    {
        var instant = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(DateTime.Parse(expectedJapan, System.Globalization.CultureInfo.InvariantCulture), JapanTime.FromUtc(instant));
    }

    [Fact]
    public void ToUtc_SeventeenHundredJapanOnClosingDay_IsEightHundredUtc()
    {
        var deadline = JapanTime.ToUtc(new DateOnly(2027, 1, 15), new TimeOnly(17, 0));

        Assert.Equal(new DateTime(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Theory]
    [InlineData("2026-11-27T00:00:00Z", "2026-11-30T08:00:00Z", 3)]
    [InlineData("2026-11-30T07:59:59Z", "2026-11-30T08:00:00Z", 0)] // the closing day itself
    [InlineData("2026-11-29T15:00:00Z", "2026-11-30T08:00:00Z", 0)] // 00:00 JST on the closing day
    [InlineData("2026-11-29T14:59:59Z", "2026-11-30T08:00:00Z", 1)] // 23:59 JST the day before
    [InlineData("2026-12-01T00:00:00Z", "2026-11-30T08:00:00Z", -1)]
    public void DaysLeft_CountsCalendarDaysInJapan(string now, string deadline, int expected)
    {
        var nowUtc = DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var deadlineUtc = DateTime.Parse(deadline, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, JapanTime.DaysLeft(deadlineUtc, nowUtc));
    }

    [Fact]
    public void FromUtc_UnspecifiedKindFromDatabase_IsTreatedAsUtc()
    {
        var fromDatabase = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateTime(2026, 4, 1, 9, 0, 0), JapanTime.FromUtc(fromDatabase));
    }
}
