namespace SmePlatform.TestSupport;

/// <summary>The files in TestSupport/Fixtures, as copied beside the running test assembly.</summary>
public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
