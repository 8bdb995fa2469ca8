using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data.Generation;

namespace SmePlatform.UnitTests.Generation;

public class ApplicationHistoryTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<ApplicationStatus> Statuses => [.. Enum.GetValues<ApplicationStatus>()];

    /// <summary>Generated histories are lifecycles that could have happened: every move allowed, in time order, ending at the status, before now.</summary>
    [Theory]
    [MemberData(nameof(Statuses))]
    public void EveryMoveIsOneTheLifecycleAllows_InOrder_EndingAtTheStatus(ApplicationStatus status)
    {
        var random = new Random(42);
        for (var run = 0; run < 200; run++)
        {
            // Some created minutes ago, so that their steps must be squeezed in.
            var created = Now.AddMinutes(-random.Next(60, 120 * 24 * 60));
            var history = ApplicationGenerator.History(status, created, Now, random);

            Assert.Equal(ApplicationStatus.Draft, history[0].To);
            Assert.Equal(status, history[^1].To);
            Assert.All(history.Zip(history.Skip(1)), pair =>
            {
                Assert.True(ApplicationLifecycle.CanMove(pair.First.To, pair.Second.To), $"{pair.First.To} → {pair.Second.To}");
                Assert.Equal(pair.First.To, pair.Second.From);
                Assert.True(pair.First.AtUtc <= pair.Second.AtUtc);
            });
            Assert.True(history[^1].AtUtc < Now);
        }
    }

    [Fact]
    public void TheSameSeed_GivesTheSameHistories()
    {
        static List<string> Run()
        {
            var random = new Random(7);
            return [.. Enumerable.Range(0, 50)
                .SelectMany(_ => ApplicationGenerator.History(ApplicationStatus.GrantDecided, Now.AddDays(-60), Now, random))
                .Select(t => $"{t.To}@{t.AtUtc:O}")];
        }

        Assert.Equal(Run(), Run());
    }
}
