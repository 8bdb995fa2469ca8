using System.Globalization;
using System.Text;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// One hostile value as it travels in a form body or a query string: <see cref="Encoded"/> is already percent-encoded, so
/// bytes that are not UTF-8 at all (a lone surrogate, an overlong slash) can be sent as they are.
/// </summary>
public sealed record BadValue(string Name, string Encoded)
{
    public static BadValue Of(string name, string value) => new(name, Uri.EscapeDataString(value));

    /// <summary>The bytes the encoded text stands for (for a multipart body).</summary>
    public byte[] Bytes => Decode(Encoded);

    public static byte[] Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return [.. bytes];
    }

    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus (issue 20): the odd inputs an attacker tries first, one shared list for every form and every API
/// parameter. The scalar values go into fields and parameters; the shapes (<see cref="Shape"/>) change the request itself.
/// </summary>
public static class BadInput
{
    /// <summary>A script element: shown anywhere unencoded, it is a stored (or reflected) XSS.</summary>
    public const string Script = "<script>alert('sme-xss-1')</script>";

    /// <summary>Out of an attribute and into an element with a handler.</summary>
    public const string Attribute = "\"><img src=x onerror=alert('sme-xss-2')>";

    /// <summary>What <see cref="Attribute"/> becomes in a page that did not encode it.</summary>
    public const string AttributeUnencoded = "<img src=x onerror=alert('sme-xss-2')>";

    public static readonly IReadOnlyList<BadValue> Values =
    [
        BadValue.Of("empty", ""),
        BadValue.Of("whitespace only", " \t \u3000 "),
        BadValue.Of("very long", string.Concat(Enumerable.Repeat("長い入力", 2_500))),
        BadValue.Of("NUL byte", "before\0after"),
        BadValue.Of("bidi controls", "invoice\u202Egnp.pdf\u2066\u2067\u2068\u2069\u200F\u061C"),
        BadValue.Of("SQL", "' OR 1=1--"),
        BadValue.Of("script", Script),
        BadValue.Of("attribute breakout", Attribute),
        BadValue.Of("template", "{{7*7}}${7*7}@(7*7)#{7*7}"),
        BadValue.Of("path traversal", "../../etc/passwd"),
        BadValue.Of("negative", "-1"),
        BadValue.Of("huge number", "99999999999999999999999999999"),
        BadValue.Of("below int", "-2147483649"),
        BadValue.Of("1e309", "1e309"),
        BadValue.Of("NaN", "NaN"),
        BadValue.Of("full-width digits", "１２３４５６"),
        BadValue.Of("impossible date", "2026-02-30"),
        BadValue.Of("off-site address", "//evil.example/"),
        BadValue.Of("header injection", "a\r\nSet-Cookie: sme.injected=1"),
        new("lone surrogate", "x%ED%A0%80y"),
        new("overlong UTF-8", "%C0%AF%C0%AE"),
        new("broken escape", "100%"),
    ];

    /// <summary>The values that name numbers and dates, tried in one field at a time with the form's other values as they were.</summary>
    public static readonly IReadOnlyList<BadValue> OneAtATime =
        [.. Values.Where(v => v.Name is "negative" or "huge number" or "1e309" or "full-width digits" or "impossible date")];

    /// <summary>Shapes of a request no browser sends.</summary>
    public enum Shape
    {
        /// <summary>Every field twice, with different values: an array where a scalar is expected.</summary>
        Repeated,

        /// <summary>Every field as <c>name[0]</c> and <c>name[]</c>.</summary>
        Indexed,

        /// <summary>5,000 more fields than the form has.</summary>
        FiveThousandFields,

        /// <summary>One field of 5 MB, beyond what a form value may be.</summary>
        OversizedField,

        /// <summary>Only the antiforgery token.</summary>
        NoFields,
    }

    public const int ManyFields = 5_000;

    public const int OversizedBytes = 5 * 1024 * 1024;
}
