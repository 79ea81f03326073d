using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Commands an operator runs instead of the web site, against the same settings and database:
/// <c>dotnet run --project src/Workshops.Web -- add-organiser --email someone@example.org</c>
/// (the password is read from standard input; <c>--require-two-factor</c> makes the organiser set up an authenticator
/// app at the first sign-in).
/// </summary>
public static class Commands
{
    public const string AddOrganiser = "add-organiser";
    public const string Backup = "backup";
    public const string CopyToPostgres = "copy-to-postgresql";

    public static bool IsCommand(string[] args) =>
        args is [AddOrganiser or Backup or CopyToPostgres or OrganiserCommands.Disable or OrganiserCommands.Enable or OrganiserCommands.ResetPassword
            or OrganiserCommands.RequireTwoFactor or OrganiserCommands.ResetTwoFactor, ..];

    /// <summary>A command prints its own one line; the site's information logging would bury it.</summary>
    public static Dictionary<string, string?> QuietLogging => new()
    {
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public static Task<int> RunAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error) => args[0] switch
    {
        Backup => BackupAsync(args, services, output, error),
        CopyToPostgres => CopyToPostgresAsync(args, services, output, error),
        AddOrganiser => AddOrganiserAsync(args, services, input, output, error),
        _ => OrganiserCommands.RunAsync(args[0], OptionValue(args, "--email"), services, input, output, error),
    };

    /// <summary>
    /// <c>copy-to-postgresql --to "Host=…;Database=…"</c>: the SQLite database into an empty PostgreSQL one. Prints each
    /// table's count and exits 0, or prints one <c>Error:</c> line and exits 1 with nothing committed.
    /// </summary>
    private static async Task<int> CopyToPostgresAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var target = OptionValue(args, "--to");
        if (string.IsNullOrWhiteSpace(target))
        {
            await error.WriteLineAsync($"Error: give the empty PostgreSQL database: {CopyToPostgres} --to \"Host=…;Database=…;Username=…;Password=…\"");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var copied = await Data.PostgresCopy.CopyAsync(scope.ServiceProvider.GetRequiredService<Data.WorkshopsDbContext>(), target);
            foreach (var (table, rows) in copied)
            {
                await output.WriteLineAsync($"{table}: {rows} rows");
            }

            await output.WriteLineAsync("Copied and counted. Now start the site with Database__Provider=PostgreSQL and this connection string.");
            return 0;
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync($"Error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever stopped it, the transaction was not committed: the PostgreSQL database holds no rows.
            await error.WriteLineAsync($"Error: nothing was copied (rolled back): {ex.Message}");
            return 1;
        }
    }

    /// <summary><c>backup --to FILE</c>: a consistent copy while the site runs (restore steps in docs/operations.md).</summary>
    private static async Task<int> BackupAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var target = OptionValue(args, "--to");
        if (string.IsNullOrWhiteSpace(target))
        {
            await error.WriteLineAsync($"Error: give the file to write: {Backup} --to /path/to/workshops-backup.db");
            return 1;
        }

        if (services.GetRequiredService<Data.DatabaseSettings>().IsPostgres)
        {
            // The online backup below is SQLite's; PostgreSQL has its own tools (docs/deployment.md).
            await error.WriteLineAsync("Error: under PostgreSQL, back up with pg_dump (e.g. pg_dump --format=custom --file=workshops.dump workshops) and restore with pg_restore; see docs/deployment.md.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var bytes = await Data.DatabaseBackup.WriteAsync(scope.ServiceProvider.GetRequiredService<Data.WorkshopsDbContext>(), target);
            await output.WriteLineAsync($"Backup written to {Path.GetFullPath(target)} ({bytes} bytes, integrity ok).");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"Error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> AddOrganiserAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        var email = OptionValue(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !MailboxAddress.TryParse(email, out var mailbox) || mailbox.Address != email.Trim() || !email.Contains('@'))
        {
            await error.WriteLineAsync($"Error: give the organiser's email address: {AddOrganiser} --email someone@example.org (password on standard input).");
            return 1;
        }

        if (!Console.IsInputRedirected)
        {
            await error.WriteAsync("Password (at least 12 characters, not easy to guess): ");
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            await error.WriteLineAsync($"Error: an organiser with the email {email} already exists.");
            return 1;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded && args.Contains("--require-two-factor"))
        {
            result = await users.AddClaimAsync(user, new System.Security.Claims.Claim(OrganiserAccounts.RequireTwoFactorClaim, "true"));
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync("Error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Organiser {email} added. Sign in at {OrganiserAccess.SignInPath}.");
        return 0;
    }

    private static string? OptionValue(string[] args, string name)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
