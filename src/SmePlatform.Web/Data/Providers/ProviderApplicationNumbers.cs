using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Providers;

/// <summary>
/// SQLite: the counter raised and read in one statement (UPDATE … RETURNING), as every statement made inside the one
/// writer's turn keeps the next submission waiting.
/// </summary>
public sealed class SqliteApplicationNumbers(SmeDbContext db) : ApplicationNumbers(db)
{
    protected override async Task<int?> RaiseAsync(string prefix, CancellationToken cancellationToken)
    {
        var raised = await Db.Database
            .SqlQuery<int>($"UPDATE \"ApplicationNumberCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"Prefix\" = {prefix} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return raised is [var last] ? last : null;
    }
}

/// <summary>SQL Server: an atomic UPDATE (which holds the row until the transaction ends), then the value read back.</summary>
public sealed class SqlServerApplicationNumbers(SmeDbContext db) : ApplicationNumbers(db)
{
    protected override async Task<int?> RaiseAsync(string prefix, CancellationToken cancellationToken)
    {
        var counters = Db.ApplicationNumberCounters.Where(c => c.Prefix == prefix);
        return await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken) == 0
            ? null
            : await counters.Select(c => c.Last).SingleAsync(cancellationToken);
    }
}
