using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmePlatform.Web;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.UnitTests.Localization;

/// <summary>
/// An address reads whole the Japanese way on Japanese pages; on English pages the typed parts stay as typed (marked
/// Japanese), followed by the prefecture's English name, the postal code and the country.
/// </summary>
public class AddressDisplayTests
{
    private static readonly ReferenceCatalog Reference = new([], [new Prefecture("13", "東京都", "Tokyo"), new Prefecture("27", "大阪府", "Osaka")]);

    [Theory]
    [InlineData("ja", "1000013", "13", "千代田区", "霞が関1-3-1", "〒100-0013 東京都千代田区霞が関1-3-1")]
    [InlineData("en", "1000013", "13", "千代田区", "霞が関1-3-1", "<span lang=\"ja\">千代田区霞が関1-3-1</span>, Tokyo 100-0013, Japan")]
    [InlineData("ja", null, "27", "大阪市北区", null, "大阪府大阪市北区")]
    [InlineData("en", null, "27", "大阪市北区", null, "<span lang=\"ja\">大阪市北区</span>, Osaka, Japan")]
    [InlineData("en", "1000013", null, null, null, "100-0013, Japan")]
    [InlineData("en", null, "13", "Chiyoda-ku", "1-3-1 Kasumigaseki", "1-3-1 Kasumigaseki, Chiyoda-ku, Tokyo, Japan")]
    [InlineData("ja", null, "13", "Chiyoda-ku", "1-3-1 Kasumigaseki", "東京都 1-3-1 Kasumigaseki, Chiyoda-ku")]
    [InlineData("en", null, "13", "<b>", null, "&lt;b&gt;, Tokyo, Japan")]
    public void Address_IsWrittenForTheReadersLanguage(string culture, string? postal, string? prefecture, string? city, string? street, string expected)
    {
        var t = Strings(culture);

        using var writer = new StringWriter();
        AddressDisplay.Html(postal, prefecture, city, street, Reference, t)!.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));

        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void NoPart_IsNoAddress()
    {
        Assert.Null(AddressDisplay.Html(null, null, " ", null, Reference, Strings("en")));
    }

    private static StringLocalizer<SharedResource> Strings(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }
}
