using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.UnitTests.Accounts;

public class RecoveryCodesTests
{
    [Theory]
    [InlineData("2NBJ6-QNBHD", "2NBJ6-QNBHD")]
    [InlineData("2nbj6-qnbhd", "2NBJ6-QNBHD")]
    [InlineData("2NBJ6QNBHD", "2NBJ6-QNBHD")]
    [InlineData(" 2NBJ6 QNBHD ", "2NBJ6-QNBHD")]
    [InlineData("２ＮＢＪ６－ＱＮＢＨＤ", "2NBJ6-QNBHD")]
    [InlineData("2NBJ6ーQNBHD", "2NBJ6-QNBHD")]
    [InlineData("2NBJ6", "2NBJ6")]
    [InlineData("2NBJ6-QNBHD-X", "2NBJ6QNBHDX")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TheCodeAsTyped_BecomesTheCodeAsKept(string? typed, string kept) =>
        Assert.Equal(kept, RecoveryCodes.Normalize(typed));
}
