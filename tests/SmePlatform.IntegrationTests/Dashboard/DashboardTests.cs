using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.IntegrationTests.Dashboard;

[Collection(nameof(PortalCollection))]
public class DashboardTests(SmeAppFactory factory)
{
    private static readonly ApplicationStatus[] Cycle =
    [
        ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted,
        ApplicationStatus.Selected, ApplicationStatus.NotSelected, ApplicationStatus.GrantDecided, ApplicationStatus.Withdrawn,
    ];

    /// <summary>
    /// A measure of its own with <paramref name="businesses"/> businesses (alternately in Tokyo and Osaka; one in three
    /// small-scale, the others SMEs) and <paramref name="applications"/> applications submitted over the last 100 days and
    /// taken through the product to every status (each with the business's prefecture and size class kept as at
    /// submission): the returned ones returned a day after submission, the decided ones decided 2 to 6 days (and 3
    /// hours) after it — none later than now.
    /// </summary>
    private async Task<int> SeedAsync(int businesses, int applications, Func<int, ApplicationStatus>? statusOf = null)
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        var people = new List<(Web.Data.Businesses.Business Business, TestUser Owner)>();
        for (var i = 0; i < businesses; i++)
        {
            var owner = await factory.CreateUserAsync();
            var business = await factory.CreateBusinessAsync(owner);
            await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.PrefectureCode, i % 2 == 0 ? "13" : "27").SetProperty(b => b.RegularEmployees, i % 3 == 0 ? 12 : 50)));
            people.Add((business, owner));
        }

        var now = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            // A real (small) form: other tests, the link crawl among them, open these applications' pages.
            var definition = new Domain.Applications.FormDefinition("DASH", [], [new("plan", "計画", "Plan", [new("theme", Domain.Applications.FieldKind.Text, "事業計画名", "Project title")])]);
            db.ApplicationForms.Add(new ApplicationForm { MeasureId = measure.Id, Version = 1, Definition = definition.ToJson(), CreatedAtUtc = now });
            return await db.SaveChangesAsync();
        });
        DateTime Past(DateTime instant) => instant < now ? instant : now.AddMinutes(-1);
        for (var i = 0; i < applications; i++)
        {
            var status = statusOf?.Invoke(i) ?? Cycle[i % Cycle.Length];
            var submitted = now.AddDays(-(i * 7 % 100)).AddHours(-5);
            var (reviewed, returned, decided) = (Past(submitted.AddHours(1)), Past(submitted.AddDays(1)), Past(submitted.AddDays(2 + (i % 5)).AddHours(3)));
            var (business, owner) = people[i % people.Count];
            var application = factory.Application(business, owner, measure.Slug).At(submitted).Submitted();
            application = status switch
            {
                ApplicationStatus.Submitted => application,
                ApplicationStatus.Withdrawn => application.At(reviewed).Withdrawn(),
                ApplicationStatus.UnderReview => application.At(reviewed).UnderReview(),
                ApplicationStatus.ReturnedForCorrection => application.At(reviewed).UnderReview().At(returned).Returned(),
                ApplicationStatus.Resubmitted => application.At(reviewed).UnderReview().At(returned).Returned().At(Past(returned.AddHours(2))).Resubmitted(),
                ApplicationStatus.Selected => application.At(reviewed).UnderReview().At(decided).Selected(),
                ApplicationStatus.NotSelected => application.At(reviewed).UnderReview().At(decided).NotSelected(),
                ApplicationStatus.GrantDecided => application.At(reviewed).UnderReview().At(decided).Selected().Granted(1_000_000),
                _ => throw new ArgumentOutOfRangeException(nameof(statusOf), status, "Not seeded."),
            };
            await application;
        }

        return measure.Id;
    }

    private static async Task<JsonElement> StatsAsync(PortalClient client, string query)
    {
        var response = await client.Http.GetAsync(new Uri($"/api/v1/stats/applications?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Runs a reference SQL file (docs/dashboard-sql) on the test database: its rows by key.</summary>
    private Task<Dictionary<string, Dictionary<string, object?>>> ReferenceAsync(string file, DateOnly from, DateOnly to, int measureId, string? prefecture) =>
        factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "dashboard-sql", file));
            Add(command, "@from", Domain.Time.JapanTime.ToUtc(from, TimeOnly.MinValue));
            Add(command, "@to", Domain.Time.JapanTime.ToUtc(to.AddDays(1), TimeOnly.MinValue));
            Add(command, "@now", DateTime.UtcNow);
            Add(command, "@measure", measureId);
            Add(command, "@prefecture", (object?)prefecture ?? DBNull.Value);
            var rows = new Dictionary<string, Dictionary<string, object?>>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
                rows[Convert.ToString(row["key"], CultureInfo.InvariantCulture)!] = row;
            }

            return rows;
        });

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("13")]
    public async Task EveryUnsuppressedNumber_EqualsTheReferenceSql(string? prefecture)
    {
        var measureId = await SeedAsync(businesses: 24, applications: 120);
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);
        var query = $"measureId={measureId}" + (prefecture is null ? "" : $"&prefecture={prefecture}");

        var stats = await StatsAsync(analyst, query);
        var (from, to) = (DateOnly.Parse(stats.GetProperty("from").GetString()!, CultureInfo.InvariantCulture), DateOnly.Parse(stats.GetProperty("to").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(89, to.DayNumber - from.DayNumber);

        var compared = 0;
        foreach (var table in stats.GetProperty("tables").EnumerateObject())
        {
            var reference = await ReferenceAsync($"{table.Name}.sql", from, to, measureId, prefecture);
            foreach (var row in table.Value.EnumerateArray())
            {
                var key = row.GetProperty("key").GetString()!;
                var expected = reference.TryGetValue(key, out var found) ? Convert.ToInt64(found["count"], CultureInfo.InvariantCulture) : 0;
                if (!row.GetProperty("suppressed").GetBoolean())
                {
                    Assert.True(expected == row.GetProperty("count").GetInt64(), $"{table.Name} {key}: {row.GetProperty("count")} against {expected}");
                    compared++;
                }
            }

            // Nothing the reference counts is missing from the answer.
            Assert.Empty(reference.Keys.Except(table.Value.EnumerateArray().Select(r => r.GetProperty("key").GetString()!)));
        }

        var times = await ReferenceAsync("decision-times.sql", from, to, measureId, prefecture);
        foreach (var row in stats.GetProperty("decisionTimes").EnumerateArray().Where(r => !r.GetProperty("suppressed").GetBoolean()))
        {
            var expected = times[row.GetProperty("measureId").GetInt32().ToString(CultureInfo.InvariantCulture)];
            Assert.Equal(Convert.ToInt64(expected["count"], CultureInfo.InvariantCulture), row.GetProperty("decisions").GetInt64());
            Assert.Equal(Convert.ToDecimal(expected["median_days"], CultureInfo.InvariantCulture), row.GetProperty("medianDays").GetDecimal());
            Assert.Equal(Convert.ToDecimal(expected["p90_days"], CultureInfo.InvariantCulture), row.GetProperty("p90Days").GetDecimal());
            compared += 3;
        }

        var rates = await ReferenceAsync("return-rates.sql", from, to, measureId, prefecture);
        foreach (var row in stats.GetProperty("returnRates").EnumerateArray().Where(r => !r.GetProperty("suppressed").GetBoolean()))
        {
            var expected = rates[row.GetProperty("measureId").GetInt32().ToString(CultureInfo.InvariantCulture)];
            var (count, returned) = (Convert.ToInt64(expected["count"], CultureInfo.InvariantCulture), Convert.ToInt64(expected["returned"], CultureInfo.InvariantCulture));
            Assert.Equal(count, row.GetProperty("submitted").GetInt64());
            Assert.Equal(Math.Round(100m * returned / count, 1, MidpointRounding.AwayFromZero), row.GetProperty("returnedPercent").GetDecimal());
            compared += 2;
        }

        // Enough was published to make the comparison mean something.
        Assert.True(compared > 40, $"only {compared} numbers compared");
    }

    [Fact]
    public async Task SmallCells_AreSuppressedInPageCsvAndApi_AndNoTotalRevealsOne()
    {
        // Twelve businesses; only two of them have an application under review.
        var measureId = await SeedAsync(businesses: 12, applications: 24, statusOf: i => i is 0 or 1 ? ApplicationStatus.UnderReview : ApplicationStatus.Submitted);
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);

        var status = (await StatsAsync(analyst, $"measureId={measureId}")).GetProperty("tables").GetProperty("status").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r);
        Assert.True(status["UnderReview"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status["UnderReview"].GetProperty("count").ValueKind);
        // The total is shown, so the only other non-zero cell (Submitted) is withheld with it.
        Assert.False(status["total"].GetProperty("suppressed").GetBoolean());
        Assert.True(status["Submitted"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(0, status["Selected"].GetProperty("count").GetInt64());

        var page = await analyst.GetAsync($"/dashboard?measureId={measureId}");
        Assert.Equal("非表示", page.Text("table[data-table=status] tr[data-key=UnderReview] td"));
        Assert.Equal("非表示", page.Text("table[data-table=status] tr[data-key=Submitted] td"));
        Assert.Equal("22", page.Text("table[data-table=status] tr[data-key=total] td")); // two of the 24 were submitted before the 90 days

        var csv = await analyst.Http.GetStringAsync(new Uri($"/dashboard/csv/status?measureId={measureId}", UriKind.Relative));
        Assert.Contains("UnderReview,審査中,,True", csv, StringComparison.Ordinal);
        Assert.Contains("total,合計,22,False", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeAfterARead_IsCountedAtTheNextRead_AndADraftsSaveRaisesNoCounter()
    {
        var measureId = await SeedAsync(businesses: 10, applications: 40, statusOf: _ => ApplicationStatus.Submitted);
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);
        async Task<long?> CountAsync(string key) => (await StatsAsync(analyst, $"measureId={measureId}")).GetProperty("tables").GetProperty("status")
            .EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("count").GetInt64();
        Task<long> CounterAsync() => factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.Applications).Select(c => c.Value).SingleAsync());
        var submittedBefore = await CountAsync("Submitted"); // read: the facts now hold this measure's applications
        var counter = await CounterAsync();

        // Ten taken into review in one save (tracked entities, each making its own move).
        await factory.WithDbAsync(async db =>
        {
            foreach (var application in await db.Applications.Where(a => a.MeasureId == measureId).OrderBy(a => a.Id).Take(10).ToListAsync())
            {
                application.Move(ApplicationStatus.UnderReview, "test-reviewer", null, DateTime.UtcNow);
            }

            return await db.SaveChangesAsync();
        });

        Assert.Equal(counter + 1, await CounterAsync());
        Assert.Equal(submittedBefore - 10, await CountAsync("Submitted"));
        Assert.Equal(10, await CountAsync("UnderReview"));

        // A draft begun and autosaved is nobody's statistic: the counter stays.
        var drafter = await factory.CreateUserAsync();
        var slug = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measureId).Select(m => m.Slug).SingleAsync());
        var draftId = await factory.Application(await factory.CreateBusinessAsync(drafter), drafter, slug);
        await factory.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == draftId)).RequestedYen = 1_000_000;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(counter + 1, await CounterAsync());
    }

    [Fact]
    public async Task AMeasureWithFewBusinesses_ShowsNoNumberAtAll()
    {
        var measureId = await SeedAsync(businesses: 3, applications: 9);
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);

        var stats = await StatsAsync(analyst, $"measureId={measureId}");

        var published = stats.GetProperty("tables").EnumerateObject().SelectMany(t => t.Value.EnumerateArray())
            .Where(r => !r.GetProperty("suppressed").GetBoolean() && r.GetProperty("count").GetInt64() > 0).ToList();
        Assert.Empty(published);
        Assert.All(stats.GetProperty("decisionTimes").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("medianDays").ValueKind));
    }

    [Fact]
    public async Task BadParameters_AreNamed_InTheApiAndBesideTheFieldOnThePage()
    {
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);

        var response = await analyst.Http.GetAsync(new Uri("/api/v1/stats/applications?from=2026-13-01&measureId=abc&prefecture=99", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["from", "measureId", "prefecture"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var page = await analyst.GetAsync("/dashboard?from=2026-12-01&to=2026-01-01&culture=en");
        Assert.Contains("at most 366 days", page.ErrorFor("from"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusinessUser_IsRefused()
    {
        var (client, _, _) = await factory.CreateOwnerClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(new Uri("/api/v1/stats/applications", UriKind.Relative))).StatusCode);
    }
}
