using SmePlatform.Domain.Text;

namespace SmePlatform.Domain.Businesses;

/// <summary>The parts of an address the postal code decides: the prefecture (JIS code), the city and the street (town first).</summary>
public sealed record AddressParts(string? PrefectureCode, string? City, string? Street);

/// <summary>A part of the address form.</summary>
public enum AddressPart
{
    Prefecture,
    City,
    Street,
}

/// <summary>
/// What the postal-code lookup does to an address being typed: it fills only what is empty and never replaces what
/// was typed. A typed street that starts with the postal code's town ("梅田1-1-1 大阪ビル5階" for 梅田) already agrees; a
/// typed part that disagrees with the postal code is kept and named, so the person can see which to correct.
/// </summary>
/// <param name="Address">The address after the lookup.</param>
/// <param name="Filled">The parts filled from the postal code (they were empty).</param>
/// <param name="Differing">The parts kept as typed although the postal code says otherwise.</param>
public sealed record AddressFill(AddressParts Address, IReadOnlyList<AddressPart> Filled, IReadOnlyList<AddressPart> Differing)
{
    /// <summary>
    /// Fills <paramref name="typed"/> from the places a postal code covers (<paramref name="found"/>, not empty): the
    /// prefecture and city of the first, the town only where the code covers exactly one (and Japan Post names one).
    /// </summary>
    public static AddressFill Of(AddressParts typed, IReadOnlyList<AddressParts> found)
    {
        ArgumentOutOfRangeException.ThrowIfZero(found.Count);
        var filled = new List<AddressPart>();
        var differing = new List<AddressPart>();

        string? Part(AddressPart part, string? typedValue, string? value, Func<string, bool> agrees)
        {
            if (JapaneseInput.Clean(typedValue) is not { } kept)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    filled.Add(part);
                    return value;
                }

                return typedValue;
            }

            if (!agrees(kept))
            {
                differing.Add(part);
            }

            return typedValue;
        }

        var first = found[0];
        var towns = found.Select(f => JapaneseInput.Clean(f.Street)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var address = new AddressParts(
            Part(AddressPart.Prefecture, typed.PrefectureCode, first.PrefectureCode, kept => found.Any(f => f.PrefectureCode == kept)),
            Part(AddressPart.City, typed.City, first.City, kept => found.Any(f => JapaneseInput.Clean(f.City) == kept)),
            Part(AddressPart.Street, typed.Street, found.Count == 1 ? first.Street : null, kept => towns.Count == 0 || towns.Exists(town => kept.StartsWith(town, StringComparison.Ordinal))));
        return new AddressFill(address, filled, differing);
    }
}
