using System.Globalization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Data.Generation;

/// <summary>
/// The data generator on the command line, against the configured database (migrated first when
/// <c>Database:MigrateOnStartup</c> is true):
/// <code>dotnet run --project src/SmePlatform.Web -- generate measures --count 5000 --seed 42</code>
/// <code>dotnet run --project src/SmePlatform.Web -- generate applications --count 100000 --seed 42</code>
/// (applications need measures with application forms: the demo measures have them).
/// <code>dotnet run --project src/SmePlatform.Web -- generate businesses --count 100000 --seed 42</code>
/// (businesses with owner accounts, purposes, founding dates and officers: what push notices match against), and
/// <code>dotnet run --project src/SmePlatform.Web -- generate push --count 3</code> publishes that many new measures
/// one after another and runs each one's push, printing how long each took (the push benchmark).
/// </summary>
public static class GenerateCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "generate";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1] is not ("measures" or "applications" or "drafts" or "businesses" or "push"))
        {
            Console.Error.WriteLine("usage: generate measures|applications|drafts|businesses|push [--count N] [--seed S]");
            return 2;
        }

        var count = Option(args, "--count", 1000);
        var seed = Option(args, "--seed", 1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (args[1] == "drafts")
        {
            // For the submission benchmark: the demo owner's ready-to-submit drafts, three 1 MB attachments each.
            // --distinct: each draft's expense line a purchase of its own; otherwise all alike.
            return await ApplicationGenerator.GenerateDraftsAsync(db, Seeding.DemoAccounts.OwnerEmail, count, 3, now, args.Contains("--distinct"), Console.WriteLine) > 0 ? 0 : 1;
        }

        if (args[1] == "businesses")
        {
            return await BusinessGenerator.GenerateAsync(db, count, seed, now, Console.WriteLine) > 0 ? 0 : 1;
        }

        if (args[1] == "push")
        {
            return await PushRun.RunAsync(app.Services, count, Console.WriteLine);
        }

        if (args[1] == "applications")
        {
            var generated = await ApplicationGenerator.GenerateAsync(db, scope.ServiceProvider.GetRequiredService<SmeDefinition>(), count, seed, now, Console.WriteLine);
            return generated.Applications > 0 ? 0 : 1;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in MeasureGenerator.Generate(count, seed, now).Chunk(500))
        {
            db.SupportMeasures.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        scope.ServiceProvider.GetRequiredService<CatalogueIndex>().Invalidate();
        Console.WriteLine($"Generated {count} measures with seed {seed}.");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
