using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmePlatform.Web.Data.Providers;

// One subclass per provider, each owning one migration set (Data/Migrations/<Provider>).
// They add nothing to the model: the application only ever asks for SmeDbContext.

public sealed class SqliteSmeDbContext(DbContextOptions<SqliteSmeDbContext> options) : SmeDbContext(options);

public sealed class SqlServerSmeDbContext(DbContextOptions<SqlServerSmeDbContext> options) : SmeDbContext(options);

/// <summary>Used by <c>dotnet ef migrations add X --context SqliteSmeDbContext</c>; needs no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmeDbContext>
{
    public SqliteSmeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by <c>dotnet ef migrations add X --context SqlServerSmeDbContext</c>; needs no server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSmeDbContext>
{
    public SqlServerSmeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSmeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmePlatform;Integrated Security=true;TrustServerCertificate=true").Options);
}
