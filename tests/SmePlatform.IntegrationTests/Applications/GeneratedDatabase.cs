using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Generation;
using SmePlatform.Web.Data.Providers;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>
/// A database of its own for the generator's tests, migrated, with two measures that take applications (the first
/// excludes deemed-large enterprises) and the applications generated into it (<see cref="CreateAsync"/>).
/// No second host: the shared one's review queue is not crowded, and its logging is not disturbed.
/// </summary>
public sealed class GeneratedDatabase : IAsyncDisposable
{
    public static readonly SmeDefinition Sme = SmeDefinitionFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData"));
    public static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"generator-{Guid.NewGuid():N}.db");

    private GeneratedDatabase()
    {
        Db = new SqliteSmeDbContext(new DbContextOptionsBuilder<SqliteSmeDbContext>().UseSqlite($"Data Source={_path}").Options);
    }

    public SmeDbContext Db { get; }

    public GeneratedData Generated { get; private set; } = new(0, []);

    public static async Task<GeneratedDatabase> CreateAsync(int count, int seed)
    {
        var generated = new GeneratedDatabase();
        var db = generated.Db;
        await db.Database.MigrateAsync();
        foreach (var code in new[] { "GENA", "GENB" })
        {
            var measure = new SupportMeasure { Slug = code.ToLowerInvariant(), TitleJa = "生成", TitleEn = "Generated", Kind = MeasureKind.Subsidy, Status = MeasureStatus.Published, CreatedAtUtc = Now, UpdatedAtUtc = Now };
            measure.Eligibility.DeemedLarge = code == "GENA" ? DeemedLargeExclusion.Excluded : DeemedLargeExclusion.NotExcluded;
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            var form = new FormDefinition(code, ["Name"], [new FormSection("s", "節", "Section", [new FormField("a", FieldKind.Text, "問", "Question")])]);
            db.ApplicationForms.Add(new ApplicationForm { MeasureId = measure.Id, Version = 1, Definition = form.ToJson(), CreatedAtUtc = Now });
            await db.SaveChangesAsync();
        }

        generated.Generated = await ApplicationGenerator.GenerateAsync(db, Sme, count, seed, Now, _ => { });
        db.ChangeTracker.Clear();
        return generated;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
