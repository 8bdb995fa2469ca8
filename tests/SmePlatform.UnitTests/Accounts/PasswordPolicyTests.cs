using SmePlatform.Domain.Accounts;

namespace SmePlatform.UnitTests.Accounts;

public class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = PasswordPolicy.FromLines(["qwerty123456", "Password", "1qaz2wsx3edc"]);

    public static TheoryData<string, PasswordProblem[]> Cases => new()
    {
        { new string('a', 11) + "Z", [] },                          // exactly 12: accepted
        { new string('x', 11), [PasswordProblem.TooShort] },       // 11: one under
        { new string('x', 128), [] },                             // exactly 128: accepted
        { new string('x', 129), [PasswordProblem.TooLong] },      // 129: one over
        { "correct horse battery", [] },                          // spaces and no composition rules
        { "qwerty123456", [PasswordProblem.Common] },
        { "QWERTY123456", [PasswordProblem.Common] },             // case is ignored
        { "ｑｗｅｒｔｙ１２３４５６", [PasswordProblem.Common] },    // full-width typed the same
        { "password", [PasswordProblem.TooShort, PasswordProblem.Common] },
        { "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", [PasswordProblem.TooShort] },   // 11 code points (22 UTF-16 units)
        { "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", [] },                          // 12 code points
        { "日本語のパスワードです１２", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_ReportsEveryProblem(string password, PasswordProblem[] expected)
    {
        Assert.Equal(expected, Policy.Check(password));
    }

    [Fact]
    public void FromLines_IgnoresBlankLinesAndDuplicates()
    {
        var policy = PasswordPolicy.FromLines(["abc", "", "  ", "ABC", "def"]);

        Assert.Equal(2, policy.CommonPasswordCount);
    }
}
