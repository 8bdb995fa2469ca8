namespace SmePlatform.TestSupport;

/// <summary>
/// A clock for the app that stands still until a test moves it: what waits for a time (a sign-in's delay, a window of
/// failures) waits exactly as long as the test says, however slow the machine. Timers and timestamps stay the system's.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
