namespace SmePlatform.Domain.Text;

/// <summary>Which links the platform accepts from people and files: absolute http(s) addresses (and mailto where a link may be an email).</summary>
public static class WebAddress
{
    public static bool IsHttp(string? address) =>
        Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsHttpOrMailto(string? address) =>
        IsHttp(address) || (Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeMailto);
}
