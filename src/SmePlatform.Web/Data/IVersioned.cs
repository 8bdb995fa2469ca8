namespace SmePlatform.Web.Data;

/// <summary>A record edited in forms that carry the version they started from (its <c>Version</c> is a concurrency token).</summary>
public interface IVersioned
{
    int Version { get; set; }

    DateTime UpdatedAtUtc { get; set; }
}
