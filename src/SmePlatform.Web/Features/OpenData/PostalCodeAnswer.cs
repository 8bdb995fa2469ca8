using System.Text.Json.Serialization;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>The answer of <c>GET /api/v1/postal-codes/{code}</c>: the code as digits and the places it covers.</summary>
public sealed record PostalCodeAnswer(
    [property: JsonPropertyName("postalCode")] string PostalCode,
    [property: JsonPropertyName("addresses")] IReadOnlyList<PostalCodeAddress> Addresses);
