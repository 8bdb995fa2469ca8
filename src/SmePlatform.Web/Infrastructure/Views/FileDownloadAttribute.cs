namespace SmePlatform.Web.Infrastructure.Views;

/// <summary>Marks an action that answers with a file to download, not a page (route-driven page checks skip it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileDownloadAttribute : Attribute;
