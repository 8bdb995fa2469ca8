using SmePlatform.Web.Features.Accounts;

namespace SmePlatform.UnitTests.Validators;

public class AccountFormValidatorTests
{
    private readonly RegisterFormValidator _register = new(Localizer.Japanese());
    private readonly TwoFactorCodeFormValidator _code = new(Localizer.Japanese());

    public static TheoryData<string?, string?, string?, string?, string, string> RegisterCases => new()
    {
        { null, "a@example.jp", "p", "p", "DisplayName", "氏名を入力してください" },
        { new string('あ', 101), "a@example.jp", "p", "p", "DisplayName", "氏名は100文字以内で入力してください" },
        { "名前", null, "p", "p", "Email", "メールアドレスを入力してください" },
        { "名前", "not-an-address", "p", "p", "Email", "メールアドレスを name@example.jp の形式で入力してください" },
        { "名前", new string('a', 251) + "@ex.jp", "p", "p", "Email", "メールアドレスは256文字以内で入力してください" },
        { "名前", "a@example.jp", null, null, "Password", "パスワードを入力してください" },
        { "名前", "a@example.jp", "p", null, "ConfirmPassword", "確認のため、パスワードをもう一度入力してください" },
        { "名前", "a@example.jp", "p", "q", "ConfirmPassword", "確認用のパスワードが一致しません" },
    };

    [Theory]
    [MemberData(nameof(RegisterCases))]
    public void Register_RefusesEachMissingOrWrongField_WithItsMessage(string? name, string? email, string? password, string? confirm, string field, string message)
    {
        var result = _register.Validate(new RegisterForm { DisplayName = name, Email = email, Password = password, ConfirmPassword = confirm });

        var failure = Assert.Single(result.Errors);
        Assert.Equal(field, failure.PropertyName);
        Assert.Equal(message, failure.ErrorMessage);
    }

    [Fact]
    public void Register_AcceptsACompleteForm()
    {
        Assert.True(_register.Validate(new RegisterForm { DisplayName = "名前", Email = "a@example.jp", Password = "p", ConfirmPassword = "p" }).IsValid);
    }

    [Theory]
    [InlineData("123456", "123456", true)]
    [InlineData("123 456", "123456", true)]
    [InlineData("１２３-４５６", "123456", true)]
    [InlineData("12345", "12345", false)]
    [InlineData("1234567", "1234567", false)]
    [InlineData("abcdef", "", false)]
    public void TwoFactorCode_IsNormalisedToDigits_AndMustBeSix(string typed, string normalised, bool valid)
    {
        var form = new TwoFactorCodeForm { Code = typed };

        Assert.Equal(normalised, form.NormalizedCode);
        Assert.Equal(valid, _code.Validate(form).IsValid);
        if (!valid)
        {
            Assert.Equal("Code", Assert.Single(_code.Validate(form).Errors).PropertyName);
        }
    }
}
