using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmePlatform.Web.Data.Providers;

/// <summary>Used by <c>dotnet ef migrations add X --context SqliteSmeDbContext</c>; needs no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmeDbContext>
{
    public SqliteSmeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
