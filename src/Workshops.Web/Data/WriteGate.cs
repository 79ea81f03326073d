namespace Workshops.Web.Data;

/// <summary>
/// Lets one request at a time in this process try to take SQLite's write lock. Without it, a rush of
/// registrations makes many threads spin on SQLITE_BUSY (Microsoft.Data.Sqlite retries with blocking
/// sleeps); with it they wait their turn asynchronously, in arrival order. The transaction still uses
/// BEGIN IMMEDIATE, which keeps the seat count correct against other processes (backup, commands).
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
