namespace SmePlatform.Web;

/// <summary>
/// Marker for the portal's strings: Resources/SharedResource.ja.resx (first language) and
/// SharedResource.en.resx. A test fails when a key is in one file and not the other.
/// </summary>
public sealed class SharedResource;
