using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Providers;

namespace SmePlatform.IntegrationTests.Database;

/// <summary>Both migration sets follow the model, stay in step, and the SQL Server script is valid T-SQL.</summary>
public class MigrationTests
{
    private static SqliteSmeDbContext Sqlite() => new SqliteDesignTimeFactory().CreateDbContext([]);

    private static SqlServerSmeDbContext SqlServer() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void SqliteMigrations_HaveNoPendingModelChanges()
    {
        using var db = Sqlite();

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteSmeDbContext (see docs/operations.md)");
    }

    [Fact]
    public void SqlServerMigrations_HaveNoPendingModelChanges()
    {
        using var db = SqlServer();

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerSmeDbContext (see docs/operations.md)");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationsByName()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();

        Assert.Equal(Names(sqlite), Names(sqlServer));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public void SqlServerIdempotentScript_ParsesAsTSql()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
    }

    // Names without the timestamp, which differs between the two sets.
    private static List<string> Names(SmeDbContext db) =>
        [.. db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..])];
}
