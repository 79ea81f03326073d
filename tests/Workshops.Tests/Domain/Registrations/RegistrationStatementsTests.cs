using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Domain.Registrations;

/// <summary>
/// What one registration through the real form costs the database (issue 27): the POST is one write transaction of a
/// few statements without savepoints, and the result page one read. Counted with EF Core command and transaction
/// interceptors, per request (the outbox's own statements, outside any request, are not counted). A count, not a time.
/// </summary>
public sealed class RegistrationStatementsTests : IDisposable
{
    private const string Slug = "rauma-yksinaisyys";
    private readonly DatabaseLog _log = new();
    private readonly WorkshopsFactory _app;

    public RegistrationStatementsTests() =>
        _app = new WorkshopsFactory(services: s =>
        {
            s.AddHttpContextAccessor();
            s.AddSingleton<IInterceptor>(sp => _log.For(sp.GetRequiredService<IHttpContextAccessor>()));
        });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ARegistrationIsOneTransactionOfFiveStatementsAndItsResultPageOneRead()
    {
        await _app.UpdateWorkshopAsync(Slug, w => w.Capacity = 1);

        foreach (var (email, expected) in new[] { ("ville.count@example.fi", "Paikkasi on vahvistettu"), ("saara.count@example.fi", "Olet jonossa") })
        {
            var browser = _app.Browser();
            var form = await Html.GetAsync(browser, $"/workshops/{Slug}");
            _log.Clear();
            var page = await Html.ParseAsync(await Html.SubmitAsync(browser, form, People.Registration(email: email)));
            Assert.Equal(expected, page.Text("h1"));

            var post = _log.Of("POST");
            var result = _log.Of("GET");
            var all = string.Join("\n", post.Concat(["--- result page"]).Concat(result));
            Assert.True(post.Count(e => e == DatabaseLog.Begin) == 1 && post.Count(e => e == DatabaseLog.Commit) == 1, all);
            Assert.DoesNotContain(DatabaseLog.Savepoint, post);
            // The workshop with its seats and the address's registrations, the questions, the inserts, the waiting-list place.
            Assert.True(post.Count(DatabaseLog.IsCommand) <= 5, all);
            Assert.True(result.Count(DatabaseLog.IsCommand) <= 1, all);
        }
    }

    /// <summary>Statements and transaction events, each under the method of the request that ran it.</summary>
    private sealed class DatabaseLog
    {
        public const string Begin = "BEGIN";
        public const string Commit = "COMMIT";
        public const string Savepoint = "SAVEPOINT";

        private readonly ConcurrentQueue<(string Method, string Text)> _events = new();

        public static bool IsCommand(string text) => text is not (Begin or Commit or Savepoint);

        public IInterceptor For(IHttpContextAccessor http) => new Interceptor(this, http);

        public void Clear() => _events.Clear();

        public List<string> Of(string method) => [.. _events.Where(e => e.Method == method).Select(e => e.Text)];

        private void Add(IHttpContextAccessor http, string text)
        {
            if (http.HttpContext is { } context)
            {
                _events.Enqueue((context.Request.Method, text));
            }
        }

        private sealed class Interceptor(DatabaseLog log, IHttpContextAccessor http) : DbCommandInterceptor, IDbTransactionInterceptor
        {
            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                log.Add(http, command.CommandText);
                return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
            }

            public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
            {
                log.Add(http, command.CommandText);
                return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
            }

            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                log.Add(http, command.CommandText);
                return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
            }

            public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
                DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
            {
                log.Add(http, Begin);
                return ValueTask.FromResult(result);
            }

            public ValueTask<InterceptionResult> TransactionCommittingAsync(
                DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
            {
                log.Add(http, Commit);
                return ValueTask.FromResult(result);
            }

            public ValueTask<InterceptionResult> CreatingSavepointAsync(
                DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
            {
                log.Add(http, Savepoint);
                return ValueTask.FromResult(result);
            }
        }
    }
}
