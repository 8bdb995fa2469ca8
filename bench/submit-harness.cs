// The submission benchmark's load: a bounded HttpClient harness (a .NET file-based app: dotnet run bench/submit-harness.cs).
// Signs in as the demo owner, lists the business's drafts, and submits them from W concurrent workers, each taking the
// check page (idempotency key, version, antiforgery token) and timing only the POST that submits. Prints the p95 of a
// warm-up and of three runs, and their median. With APP_PID set (Linux), also the app's processor time per submission in
// each run (user and system, from /proc; each submission's check page included), which moves less than the p95.
// Arguments: base URL, email, password, workers, submissions per worker per run.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var baseUrl = new Uri(args[0]);
var (email, password) = (args[1], args[2]);
var workers = int.Parse(args[3], CultureInfo.InvariantCulture);
var perWorker = int.Parse(args[4], CultureInfo.InvariantCulture);

using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = workers };
using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

string Hidden(string html, string name) =>
    Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;

var login = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["__RequestVerificationToken"] = Hidden(login, "__RequestVerificationToken"),
    ["Email"] = email,
    ["Password"] = password,
}))
{
    var signedIn = await http.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    if (signedIn.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
    }
}

var businesses = await http.GetStringAsync(new Uri("/businesses", UriKind.Relative));
var businessId = Regex.Match(businesses, @"/businesses/(\d+)/profile").Groups[1].Value;
var list = await http.GetStringAsync(new Uri($"/businesses/{businessId}/applications", UriKind.Relative));
var drafts = new ConcurrentQueue<string>(Regex.Matches(list, $@"/businesses/{businessId}/applications/(\d+)""").Select(m => m.Groups[1].Value).Distinct());
Console.WriteLine($"{drafts.Count} drafts to submit");

async Task<List<double>> RunAsync(int each)
{
    var times = new ConcurrentBag<double>();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        for (var i = 0; i < each && drafts.TryDequeue(out var id); i++)
        {
            var path = $"/businesses/{businessId}/applications/{id}";
            var check = await http.GetStringAsync(new Uri($"{path}/check", UriKind.Relative));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Hidden(check, "__RequestVerificationToken"),
                ["idempotencyKey"] = Hidden(check, "idempotencyKey"),
                ["version"] = Hidden(check, "version"),
            });
            var watch = Stopwatch.StartNew();
            var answer = await http.PostAsync(new Uri($"{path}/submit", UriKind.Relative), form);
            watch.Stop();
            var location = answer.Headers.Location?.ToString() ?? "";
            if (answer.StatusCode != HttpStatusCode.Redirect || !location.EndsWith("/receipts/1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Submitting {id} answered {(int)answer.StatusCode} {location}.");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }));
    return [.. times.Order()];
}

// The app's user and system time in clock ticks (100 a second on Linux), or null without APP_PID.
static long? AppTicks() =>
    Environment.GetEnvironmentVariable("APP_PID") is { Length: > 0 } pid
        ? File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is var fields
            ? long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
            : null
        : null;

static double P95(List<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];

var warm = await RunAsync(2);
Console.WriteLine($"warm-up: {warm.Count} submissions, p95 {P95(warm):F2} ms");
var p95s = new List<double>();
for (var run = 1; run <= 3; run++)
{
    var ticks = AppTicks();
    var times = await RunAsync(perWorker);
    var cpu = ticks is { } before && AppTicks() is { } after ? $", app processor time {(after - before) * 1000.0 / 100 / times.Count:F1} ms a submission" : "";
    p95s.Add(P95(times));
    Console.WriteLine($"run {run}: {times.Count} submissions, p95 {P95(times):F2} ms, median {times[times.Count / 2]:F2} ms{cpu}");
}

Console.WriteLine($"MEDIAN_P95 {p95s.Order().ElementAt(1):F2}");
