using Workshops.Web.Calendar;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;

WebApplication app;
var isCommand = Commands.IsCommand(args);
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
    if (isCommand)
    {
        builder.Configuration.AddInMemoryCollection(Commands.QuietLogging);
    }

    // Serves wwwroot from the project folder under `dotnet run` in any environment (no-op when published).
    builder.WebHost.UseStaticWebAssets();
    builder.AddWorkshopsLogging();
    builder.Services.AddWorkshopsWeb();
    builder.Services.AddWorkshopsCalendar();
    builder.Services.AddWorkshopsData(builder.Configuration, builder.Environment);
    builder.Services.AddWorkshopsDomain();
    builder.Services.AddWorkshopsEmail();
    builder.Services.AddWorkshopsOrganisers();

    app = builder.Build();
    await app.Services.PrepareDatabaseAsync();
}
catch (Exception ex) when (ConfigurationException.Describe(ex) is { } problem)
{
    // One clear line naming the setting, and no stack trace.
    await Console.Error.WriteLineAsync($"Configuration error: {problem}");
    return 1;
}

if (isCommand)
{
    // Same settings and database as the site, but no web server and no background work.
    return await Commands.RunAsync(args, app.Services, Console.In, Console.Out, Console.Error);
}

app.UseWorkshopsPipeline();
await app.RunAsync();
return 0;
