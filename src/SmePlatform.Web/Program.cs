using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure;

// The whole portal: services in Infrastructure/PlatformSetup.cs, the request pipeline below it.
var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePlatform();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
