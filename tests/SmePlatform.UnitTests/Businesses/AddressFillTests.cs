using SmePlatform.Domain.Businesses;

namespace SmePlatform.UnitTests.Businesses;

/// <summary>The postal lookup fills only what is empty: nothing typed is ever replaced, and what disagrees is named.</summary>
public class AddressFillTests
{
    private static readonly AddressParts Umeda = new("27", "大阪市北区", "梅田");

    public static TheoryData<AddressParts, AddressParts, string, string> OneTown => new()
    {
        // typed → after the lookup; the parts filled; the parts kept that disagree
        { new(null, null, null), new("27", "大阪市北区", "梅田"), "Prefecture,City,Street", "" },
        { new("", " ", ""), new("27", "大阪市北区", "梅田"), "Prefecture,City,Street", "" },
        { new(null, null, "梅田1-1-1 大阪ビル5階"), new("27", "大阪市北区", "梅田1-1-1 大阪ビル5階"), "Prefecture,City", "" },
        { new("27", "大阪市北区", "梅田1-1-1 大阪ビル5階"), new("27", "大阪市北区", "梅田1-1-1 大阪ビル5階"), "", "" },
        { new(null, null, "１－１－１"), new("27", "大阪市北区", "１－１－１"), "Prefecture,City", "Street" },
        { new("13", "千代田区", "霞が関1-3-1"), new("13", "千代田区", "霞が関1-3-1"), "", "Prefecture,City,Street" },
        { new("27", null, "梅田２丁目"), new("27", "大阪市北区", "梅田２丁目"), "City", "" },
        { new(null, "大阪市北区", null), new("27", "大阪市北区", "梅田"), "Prefecture,Street", "" },
    };

    [Theory]
    [MemberData(nameof(OneTown))]
    public void ALookup_FillsWhatIsEmpty_AndKeepsWhatWasTyped(AddressParts typed, AddressParts expected, string filled, string differing)
    {
        var fill = AddressFill.Of(typed, [Umeda]);

        Assert.Equal(expected, fill.Address);
        Assert.Equal(filled, string.Join(',', fill.Filled));
        Assert.Equal(differing, string.Join(',', fill.Differing));
    }

    [Fact]
    public void ACodeOfSeveralTowns_FillsNoStreet_AndAgreesWithAStreetStartingWithAnyOfThem()
    {
        AddressParts[] found = [new("01", "札幌市中央区", "北一条西"), new("01", "札幌市中央区", "南一条西")];

        var empty = AddressFill.Of(new(null, null, null), found);
        var typed = AddressFill.Of(new(null, null, "南一条西5丁目"), found);

        Assert.Equal(new AddressParts("01", "札幌市中央区", null), empty.Address);
        Assert.Equal([AddressPart.Prefecture, AddressPart.City], empty.Filled);
        Assert.Empty(typed.Differing);
        Assert.Equal("南一条西5丁目", typed.Address.Street);
    }

    [Fact]
    public void ACodeWithoutATown_FillsNoStreet_AndAgreesWithAnyStreet()
    {
        var fill = AddressFill.Of(new(null, null, "大字1234"), [new("13", "千代田区", "")]);

        Assert.Equal(new AddressParts("13", "千代田区", "大字1234"), fill.Address);
        Assert.Empty(fill.Differing);
    }
}
