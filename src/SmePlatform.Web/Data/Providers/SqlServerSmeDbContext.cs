using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data.Providers;

/// <summary>
/// SQL Server's context: it owns the SQL Server migration set (Data/Migrations/SqlServer, ADR 0002) and adds nothing to
/// the model; the application only ever asks for <see cref="SmeDbContext"/>.
/// </summary>
public sealed class SqlServerSmeDbContext(DbContextOptions<SqlServerSmeDbContext> options) : SmeDbContext(options);
