using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmePlatform.Web.Data.Providers;

/// <summary>Used by <c>dotnet ef migrations add X --context SqlServerSmeDbContext</c>; needs no server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSmeDbContext>
{
    public SqlServerSmeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSmeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmePlatform;Integrated Security=true;TrustServerCertificate=true").Options);
}
