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

    [Theory]
    [InlineData("2027-12-08", "2027-12-08T15:00:00Z")] // 00:00 JST on the 9th: the whole of the 8th is included
    [InlineData("2027-12-31", "2027-12-31T15:00:00Z")]
    [InlineData("2028-02-29", "2028-02-29T15:00:00Z")]
    public void EndOfDayUtc_IsMidnightInJapanAfterTheLastDay_AndLastDayBeforeGivesTheDayBack(string lastDay, string endUtc)
    {
        var day = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTime.Parse(endUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(end, JapanTime.EndOfDayUtc(day));
        Assert.Equal(day, JapanTime.LastDayBefore(end));
        // As read back from the database (no kind): the same day.
        Assert.Equal(day, JapanTime.LastDayBefore(DateTime.SpecifyKind(end, DateTimeKind.Unspecified)));
    }

    [Theory]
    [InlineData("2027-12-08T14:59:59Z", "2027-12-08")] // 23:59:59 JST on the 8th
    [InlineData("2027-12-08T15:00:01Z", "2027-12-09")] // a second into the 9th: the 9th is included
    public void LastDayBefore_AnEndDuringADay_IncludesThatDay(string endUtc, string lastDay) =>
        Assert.Equal(
            DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            JapanTime.LastDayBefore(DateTime.Parse(endUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public void FromUtc_UnspecifiedKindFromDatabase_IsTreatedAsUtc()
    {
        var fromDatabase = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateTime(2026, 4, 1, 9, 0, 0), JapanTime.FromUtc(fromDatabase));
    }
}
