namespace SmePlatform.UnitTests;

/// <summary>The repository the tests run from, for the tests that read its documents and sources.</summary>
internal static class Repository
{
    /// <summary>The folder that holds SmePlatform.sln, above the test's own.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmePlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository's root (SmePlatform.sln) was not found.");
    }
}
