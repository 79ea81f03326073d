using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Infrastructure;

/// <summary>
/// What a registration evicts from the public cache (<see cref="Workshops.Web.Infrastructure.PublicCache"/>,
/// <see cref="CommitScope"/>): a confirmed one only makes its workshop's seat count stale, so the next page reads that
/// count again and not the workshop, its questions and proposals; a place on the waiting list evicts nothing. The SQL
/// the workshop page runs is counted with an EF Core command interceptor, after the outbox has finished its work.
/// </summary>
public sealed class PublicCacheScopeTests : IDisposable
{
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private readonly CommandLog _log = new();
    private readonly WorkshopsFactory _app;

    public PublicCacheScopeTests() =>
        _app = new WorkshopsFactory(services: s => s.AddSingleton<IInterceptor>(_log));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AConfirmedRegistrationRereadsOnlyTheSeatCountAndAWaitingListPlaceEvictsNothing()
    {
        await _app.UpdateWorkshopAsync(Webinar, w => w.Capacity = 1);
        var visitor = _app.Browser();
        Assert.Contains("1 paikka jäljellä", await PageTextAsync(visitor));

        await RegisterAsync("ville.scope@example.fi", RegistrationOutcomeKind.Confirmed);
        await OutboxIdleAsync();
        var (text, afterConfirmed) = await PageWithSqlAsync(visitor);

        Assert.DoesNotContain("1 paikka jäljellä", text); // the count was read again: the seat is gone
        Assert.NotEmpty(afterConfirmed);
        Assert.DoesNotContain(afterConfirmed, sql => sql.Contains("FROM \"Workshops\"", StringComparison.Ordinal));
        Assert.DoesNotContain(afterConfirmed, sql => sql.Contains("\"Questions\"", StringComparison.Ordinal));

        await RegisterAsync("saara.scope@example.fi", RegistrationOutcomeKind.Waitlisted);
        await OutboxIdleAsync();
        var (_, afterWaitlisted) = await PageWithSqlAsync(visitor);

        Assert.True(afterWaitlisted.Count == 0, string.Join("\n---\n", afterWaitlisted));
    }

    private async Task<string> PageTextAsync(HttpClient visitor) =>
        (await Html.GetAsync(visitor, $"/workshops/{Webinar}")).Body!.TextContent;

    private async Task<(string Text, List<string> Sql)> PageWithSqlAsync(HttpClient visitor)
    {
        _log.Clear();
        var text = await PageTextAsync(visitor);
        // The outbox's idle loop may still look for due messages meanwhile: its statements are not the page's.
        return (text, _log.Commands.Where(sql => !sql.Contains("\"OutgoingEmails\"", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Waits until the outbox has sent everything, reading without the test helper that evicts the cache.</summary>
    private Task OutboxIdleAsync() => Eventually.TrueAsync(async () =>
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        return !await db.OutgoingEmails.AnyAsync(e => e.State == EmailState.Queued || e.State == EmailState.Sending);
    }, "the outbox sent everything");

    /// <summary>
    /// The public form's registration (the service the page calls), without the test helpers that read the workshop
    /// through <see cref="WorkshopsFactory.WithDbAsync{T}"/>, which drops the whole cache.
    /// </summary>
    private async Task RegisterAsync(string email, RegistrationOutcomeKind expected)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var workshopId = await db.Workshops.Where(w => w.Slug == Webinar).Select(w => w.Id).SingleAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegistrationService>()
            .RegisterAsync(workshopId, RegistrationSteps.Request("Ville Välimäki", email));
        Assert.Equal(expected, outcome.Kind);
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _commands = new();

        public List<string> Commands => [.. _commands];

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
