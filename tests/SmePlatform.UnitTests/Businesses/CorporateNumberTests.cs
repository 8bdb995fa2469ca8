using SmePlatform.Domain.Businesses;

namespace SmePlatform.UnitTests.Businesses;

public class CorporateNumberTests
{
    [Theory]
    [InlineData("7000012050002")]      // National Tax Agency
    [InlineData("4011001098993")]
    [InlineData("2120901007402")]
    [InlineData("７０００-０１２０５-０００２")]
    [InlineData("7000－01205－0002")]
    [InlineData("7000ー01205ー0002")]
    [InlineData("7000ｰ01205ｰ0002")]
    [InlineData(" 7000 0120 5000 2 ")]
    [InlineData("7000‐01205−0002")]
    public void KnownGoodNumbers_AsPeopleTypeThem_AreValid(string typed)
    {
        Assert.Equal(CorporateNumberProblem.None, CorporateNumber.Check(typed, out var number));
        Assert.Equal(13, number.Length);
    }

    [Fact]
    public void TheTypedFormsOfOneNumber_AreTheSameNumber()
    {
        string[] typed = ["7000012050002", "７０００-０１２０５-０００２", "7000－01205－0002"];

        Assert.Single(typed.Select(CorporateNumber.Normalize).Distinct());
    }

    [Theory]
    [InlineData("8000012050002", CorporateNumberProblem.WrongCheckDigit)]
    [InlineData("7000012050003", CorporateNumberProblem.WrongCheckDigit)]
    [InlineData("0000012050002", CorporateNumberProblem.WrongCheckDigit)]
    [InlineData("700001205000", CorporateNumberProblem.NotThirteenDigits)]
    [InlineData("70000120500021", CorporateNumberProblem.NotThirteenDigits)]
    [InlineData("7000O12050002", CorporateNumberProblem.NotThirteenDigits)]
    [InlineData("T7000012050002", CorporateNumberProblem.NotThirteenDigits)]
    [InlineData("", CorporateNumberProblem.Empty)]
    [InlineData(" - ", CorporateNumberProblem.Empty)]
    [InlineData(null, CorporateNumberProblem.Empty)]
    public void BadNumbers_SayWhatIsWrong(string? typed, CorporateNumberProblem expected)
    {
        Assert.Equal(expected, CorporateNumber.Check(typed, out _));
    }

    [Theory]
    [InlineData("000012050002", 7)]
    [InlineData("011001098993", 4)]
    [InlineData("120901007402", 2)]
    [InlineData("000000000000", 9)]
    public void CheckDigit_FollowsTheFormula(string twelve, int expected)
    {
        Assert.Equal(expected, CorporateNumber.CheckDigit(twelve));
    }
}
