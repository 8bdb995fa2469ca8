using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Providers;

/// <summary>
/// SQLite's context: it owns the SQLite migration set (Data/Migrations/Sqlite, ADR 0002) and adds nothing to the model;
/// the application only ever asks for <see cref="SmeDbContext"/>. SQLite's own SQL for the model's work is here.
/// </summary>
public sealed class SqliteSmeDbContext(DbContextOptions<SqliteSmeDbContext> options) : SmeDbContext(options)
{
    /// <summary>Raised and read back in one statement (<c>RETURNING</c>).</summary>
    protected override async Task<long> RaiseApplicationChangesAsync(CancellationToken cancellationToken) =>
        (await Database
            .SqlQuery<long>($"UPDATE \"ChangeCounters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {ChangeCounter.Applications} RETURNING \"Value\"")
            .ToListAsync(cancellationToken))
        .Single();
}
