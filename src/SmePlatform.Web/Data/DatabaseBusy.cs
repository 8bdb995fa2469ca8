using Microsoft.Data.Sqlite;

namespace SmePlatform.Web.Data;

/// <summary>
/// Whether an exception means "the database is busy, try again shortly": a write that waited its bound for its turn in
/// the process (<see cref="WriteGate"/>) or for the database's lock (SQLite's busy or locked, SQL Server's lock or
/// command timeout), wherever it was wrapped. Such a failure is answered 503 with Retry-After, never taken for a
/// conflict or a broken request.
/// </summary>
public static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>SQL Server's "Timeout expired" (the command timeout) and "Lock request time out period exceeded".</summary>
    private static readonly int[] SqlServerBusy = [-2, 1222];

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DatabaseBusyException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case Microsoft.Data.SqlClient.SqlException sql when SqlServerBusy.Contains(sql.Number):
                    return true;
            }
        }

        return false;
    }
}
