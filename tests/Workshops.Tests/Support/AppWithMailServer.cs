using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Data;

namespace Workshops.Tests.Support;

/// <summary>Tests that need the site and a real SMTP server on 127.0.0.1 beside it, fresh for every test.</summary>
public abstract class AppWithMailServer : IAsyncLifetime
{
    protected TestSmtpServer Smtp { get; } = new();

    protected WorkshopsFactory App { get; set; } = null!;

    /// <summary>A subclass runs every test of its base class on PostgreSQL by overriding this.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public virtual Task InitializeAsync()
    {
        Smtp.Start();
        App = new WorkshopsFactory(new TestFolder(Provider), Smtp.Settings, ConfigureServices);
        return Task.CompletedTask;
    }

    /// <summary>Services a subclass adds to or replaces in the site (after the site's own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}
