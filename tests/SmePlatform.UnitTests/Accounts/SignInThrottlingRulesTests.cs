using System.Net;
using Microsoft.Extensions.Options;
using SmePlatform.TestSupport;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.UnitTests.Accounts;

public class SignInThrottlingRulesTests
{
    [Fact]
    public void TheWait_DoublesAfterTheFreeFailures_UpToTheCap()
    {
        var delays = new SignInThrottlingOptions().Account;

        var waits = Enumerable.Range(0, 16).Select(failures => (int)delays.DelayAfter(failures).TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], waits);
        Assert.Equal(TimeSpan.FromSeconds(300), delays.DelayAfter(int.MaxValue));
    }

    [Fact]
    public void SettingsOutOfRange_AreRefused()
    {
        Assert.Empty(new SignInThrottlingOptions().Problems());
        Assert.NotEmpty(new SignInThrottlingOptions { Address = new() { Limit = 0, WindowSeconds = 300 } }.Problems());
        Assert.NotEmpty(new SignInThrottlingOptions { Account = new() { MaxDelaySeconds = 3600, ForgetAfterMinutes = 60 } }.Problems());
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void AddressesArePartitioned_IPv6ByItsNetwork(string address, string partition) =>
        Assert.Equal(partition, SignInCeilings.AddressKey(IPAddress.Parse(address)));

    [Fact]
    public void TheAddressCeiling_CountsFailuresInASlidingWindow_AndSaysHowLongToWait()
    {
        var clock = new MovableClock();
        var ceilings = new SignInCeilings(Options.Create(new SignInThrottlingOptions
        {
            Address = new() { Limit = 3, WindowSeconds = 300 },
            Global = new() { Limit = 100, WindowSeconds = 60 },
        }), clock);
        var address = IPAddress.Parse("198.51.100.1");

        ceilings.RecordFailure(address);
        clock.Advance(TimeSpan.FromSeconds(100));
        ceilings.RecordFailure(address);
        ceilings.RecordFailure(address);

        Assert.Equal(new SignInCeiling(SignInCeilingKind.Address, TimeSpan.FromSeconds(200)), ceilings.Reached(address));
        Assert.Null(ceilings.Reached(IPAddress.Parse("198.51.100.2")));
        clock.Advance(TimeSpan.FromSeconds(200));
        Assert.Null(ceilings.Reached(address));
    }
}
