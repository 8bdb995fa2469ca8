namespace SmePlatform.Domain.Time;

/// <summary>
/// Converts between the UTC instants the platform stores and the Japan Standard Time people read.
/// Japan has no daylight saving time, but the zone database is still the source of truth.
/// </summary>
public static class JapanTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The wall-clock time in Japan for a UTC instant.</summary>
    public static DateTime FromUtc(DateTime utcInstant) =>
        TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utcInstant), Zone);

    /// <summary>A UTC instant as the same instant at Japan's offset, which ISO 8601 writes as <c>…+09:00</c>.</summary>
    public static DateTimeOffset Offset(DateTime utcInstant) =>
        new DateTimeOffset(AsUtc(utcInstant)).ToOffset(Zone.GetUtcOffset(AsUtc(utcInstant)));

    public static DateTimeOffset? Offset(DateTime? utcInstant) => utcInstant is { } instant ? Offset(instant) : null;

    /// <summary>The UTC instant of a wall-clock time in Japan, e.g. 17:00 JST on a closing day.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone);

    /// <summary>The calendar date in Japan at a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utcInstant) => DateOnly.FromDateTime(FromUtc(utcInstant));

    /// <summary>
    /// The instant a period that lasts through <paramref name="lastDay"/> ends: 00:00 in Japan the day after, so the
    /// whole of the chosen day is included. <see cref="LastDayBefore"/> gives the day back.
    /// </summary>
    public static DateTime EndOfDayUtc(DateOnly lastDay) => ToUtc(lastDay.AddDays(1), TimeOnly.MinValue);

    /// <summary>
    /// The last calendar day in Japan that a period ending (exclusively) at <paramref name="endUtc"/> includes: the day
    /// a person chose for <see cref="EndOfDayUtc"/>, not the midnight after it.
    /// </summary>
    public static DateOnly LastDayBefore(DateTime endUtc) => DateOf(AsUtc(endUtc).AddTicks(-1));

    /// <summary>
    /// Whole calendar days in Japan from <paramref name="nowUtc"/> to <paramref name="deadlineUtc"/>:
    /// 0 on the closing day itself, negative once the day has passed.
    /// </summary>
    public static int DaysLeft(DateTime deadlineUtc, DateTime nowUtc) =>
        DateOf(deadlineUtc).DayNumber - DateOf(nowUtc).DayNumber;

    private static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        // EF Core reads DateTime columns back as Unspecified; the platform stores only UTC.
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => instant.ToUniversalTime(),
    };
}
