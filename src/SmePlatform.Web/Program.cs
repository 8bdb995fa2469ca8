using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Generation;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Infrastructure;

// The whole portal: services in Infrastructure/PlatformSetup.cs, the request pipeline below it.
var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (GenerateCommand.IsRequested(args))
{
    return await GenerateCommand.RunAsync(app, args);
}

if (ScanCommand.IsRequested(args))
{
    return await ScanCommand.RunAsync(app);
}

app.UsePlatform();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
