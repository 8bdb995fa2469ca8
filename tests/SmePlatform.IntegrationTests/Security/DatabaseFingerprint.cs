using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// A hash of every row of every table of the model, table by table: two fingerprints that differ name the tables a
/// sequence of requests changed. Rows are hashed one by one and sorted, so the order the database returns them in does
/// not matter.
/// </summary>
public static class DatabaseFingerprint
{
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(SmeAppFactory factory, IReadOnlySet<string> except) =>
        factory.WithDbAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var tables = db.Model.GetEntityTypes()
                .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
                .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
                .Distinct()
                .Where(t => !except.Contains(t.Name))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, schema) in tables)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(name, schema)}";
                    await using var reader = await command.ExecuteReaderAsync();
                    var rows = new List<string>();
                    while (await reader.ReadAsync())
                    {
                        var row = new StringBuilder();
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            row.Append(reader.GetValue(i) switch
                            {
                                DBNull => "∅",
                                byte[] bytes => Convert.ToBase64String(bytes),
                                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                                var value => value.ToString(),
                            }).Append('\u001f');
                        }

                        rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()))));
                    }

                    rows.Sort(StringComparer.Ordinal);
                    hashes[name] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Concat(rows))))[..16]}";
                }

                return hashes;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    /// <summary>The tables whose rows differ between two fingerprints, with their row counts before and after.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            .Order(StringComparer.Ordinal)
            .Select(table => $"{table} ({Rows(before, table)} rows before, {Rows(after, table)} after)")];

    private static string Rows(IReadOnlyDictionary<string, string> fingerprint, string table) =>
        fingerprint.TryGetValue(table, out var hash) ? hash.Split(':')[0] : "no table";
}
