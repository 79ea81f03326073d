// Over 300 lines on purpose: the benchmark's whole client (set-up, rush, organiser pages, /proc readings) in one file
// that bench/run.sh builds and runs; it is not part of the site.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

// The benchmark's own client (bench/run.sh calls it). Commands:
//   prepare  <db> <slug> <capacity>          set a workshop's capacity in the (stopped) site's SQLite file
//   fill     <db> <slug> <count>             insert <count> confirmed registrations in one transaction
//   proposals <db> <slug> <count>            insert <count> new anonymous proposals in one transaction (a flooded ideas wall)
//   rush     <url> <db> <slug> <count> <clients> <pid>
//                                            each registration: GET the form, POST it, follow the redirect
//   organiser <url> <email> <password> <slug> <pid> [<proposals slug>]
//                                            sign in with the real form; time the attendee list, CSV and XLSX (and the
//                                            ideas wall's moderation page of <proposals slug>)
// Everything prints "name: value" lines that run.sh shows as they are.
return args.FirstOrDefault() switch
{
    "prepare" => Database.Prepare(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
    "fill" => Database.Fill(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
    "proposals" => Database.FillProposals(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
    "rush" => await Rush.RunAsync(new Uri(args[1]), args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture),
        int.Parse(args[5], CultureInfo.InvariantCulture), int.Parse(args[6], CultureInfo.InvariantCulture)),
    "organiser" => await Organiser.RunAsync(new Uri(args[1]), args[2], args[3], args[4], int.Parse(args[5], CultureInfo.InvariantCulture), args.ElementAtOrDefault(6)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Workshops.Bench prepare|fill|rush|organiser … (see bench/run.sh)");
    return 2;
}

/// <summary>Direct access to the site's SQLite file, for set-up before the site starts and for the final count.</summary>
internal static class Database
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Default Timeout=30");
        connection.Open();
        return connection;
    }

    public static string WorkshopId(SqliteConnection connection, string slug)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Workshops WHERE Slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        return command.ExecuteScalar() as string ?? throw new InvalidOperationException($"no workshop '{slug}'");
    }

    public static int Prepare(string path, string slug, int capacity)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Workshops SET Capacity = $capacity WHERE Slug = $slug";
        command.Parameters.AddWithValue("$capacity", capacity);
        command.Parameters.AddWithValue("$slug", slug);
        return command.ExecuteNonQuery() == 1 ? 0 : 1;
    }

    public static int Fill(string path, string slug, int count)
    {
        using var connection = Open(path);
        var workshopId = WorkshopId(connection, slug);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Registrations (WorkshopId, Name, Email, EmailNormalized, Organisation, "Group", Language, Status, CalendarRound, ConsentedAtUtc, CreatedAtUtc)
            VALUES ($w, $name, $email, $email, 'Bench Oy', 'Municipal', 'fi', 'Confirmed', 0, $now, $now)
            """;
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var email = command.Parameters.Add("$email", SqliteType.Text);
        command.Parameters.AddWithValue("$w", workshopId);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        for (var i = 0; i < count; i++)
        {
            name.Value = $"Osallistuja {i}";
            email.Value = $"fill-{i}@example.org";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        Console.WriteLine($"filled: {count} registrations in {slug}");
        return 0;
    }

    /// <summary>New anonymous proposals of about 500 characters each, as a flood leaves them.</summary>
    public static int FillProposals(string path, string slug, int count)
    {
        using var connection = Open(path);
        var workshopId = WorkshopId(connection, slug);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Proposals (WorkshopId, Text, ShowName, Language, State, TakenForward, CreatedAtUtc)
            VALUES ($w, $text, 0, 'fi', 'New', 0, $now)
            """;
        var text = command.Parameters.Add("$text", SqliteType.Text);
        command.Parameters.AddWithValue("$w", workshopId);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        for (var i = 0; i < count; i++)
        {
            text.Value = $"Ehdotus {i}: " + string.Concat(Enumerable.Repeat("työhyvinvointia ja joustoa ", 20));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        Console.WriteLine($"filled: {count} proposals in {slug}");
        return 0;
    }

    /// <summary>
    /// Waits (up to 10 minutes) until the outbox holds no queued or sending message for the workshop's registrations,
    /// then describes how long each waited from being queued (committed with its registration) to being sent.
    /// </summary>
    public static string Confirmations(string path, string slug)
    {
        using var connection = Open(path);
        var workshopId = WorkshopId(connection, slug);
        var waiting = Stopwatch.StartNew();
        using (var pending = connection.CreateCommand())
        {
            pending.CommandText = """
                SELECT COUNT(*) FROM OutgoingEmails o JOIN Registrations r ON r.Id = o.RegistrationId
                WHERE r.WorkshopId = $w AND o.State IN ('Queued', 'Sending')
                """;
            pending.Parameters.AddWithValue("$w", workshopId);
            while (Convert.ToInt64(pending.ExecuteScalar(), CultureInfo.InvariantCulture) > 0 && waiting.Elapsed < TimeSpan.FromMinutes(10))
            {
                Thread.Sleep(50); // polling another process's database: there is nothing to wait on
            }
        }

        var drained = waiting.Elapsed;
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.CreatedAtUtc, o.SentAtUtc FROM OutgoingEmails o JOIN Registrations r ON r.Id = o.RegistrationId
            WHERE r.WorkshopId = $w AND o.State = 'Sent'
            """;
        command.Parameters.AddWithValue("$w", workshopId);
        using var reader = command.ExecuteReader();
        var delays = new List<double>();
        while (reader.Read())
        {
            delays.Add((DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture) - DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture)).TotalSeconds);
        }

        var sorted = delays.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"confirmation emails: {sorted.Length} sent, the outbox done {drained.TotalSeconds:F1} s after the rush; queued -> sent p50 {Rush.Percentile(sorted, 50):F1} s, p99 {Rush.Percentile(sorted, 99):F1} s, max {(sorted.Length == 0 ? 0 : sorted[^1]):F1} s");
    }

    public static Dictionary<string, int> Split(string path, string slug)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, COUNT(*) FROM Registrations WHERE WorkshopId = $w GROUP BY Status";
        command.Parameters.AddWithValue("$w", WorkshopId(connection, slug));
        using var reader = command.ExecuteReader();
        var split = new Dictionary<string, int>();
        while (reader.Read())
        {
            split[reader.GetString(0)] = reader.GetInt32(1);
        }

        return split;
    }
}

/// <summary>A visitor's few cookies, carried by hand (one shared connection pool, no CookieContainer per visitor).</summary>
internal sealed partial class Visitor(HttpClient http, Uri site)
{
    private readonly Dictionary<string, string> _cookies = [];

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|value="([^"]+)" name="__RequestVerificationToken"|name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex TokenPattern();

    public async Task<(HttpStatusCode Status, string Body, Uri? Location)> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(site, path));
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, response.Headers.Location);
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success
            ? match.Groups.Values.Skip(1).First(g => g.Success).Value
            : throw new InvalidOperationException("no antiforgery token in the form");
    }

    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = connections,
    })
    { Timeout = TimeSpan.FromSeconds(60) };
}

internal static class Rush
{
    public static async Task<int> RunAsync(Uri site, string db, string slug, int count, int clients, int pid)
    {
        using var http = Visitor.Client(clients);
        var latencies = new double[count];
        var errors = 0;
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..8];
        var siteCpuBefore = Cpu.ProcessMilliseconds(pid);
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var machineBefore = Cpu.Machine();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await RegisterAsync(new Visitor(http, site), slug, $"rush-{run}-{i}@example.org", i);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"  error: {ex.Message}");
                    }
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var siteCpu = Cpu.ProcessMilliseconds(pid) - siteCpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - clientCpuBefore;
        var machine = Cpu.Machine();
        var busy = (machine.Busy - machineBefore.Busy) / (double)Math.Max(1, machine.Total - machineBefore.Total);

        Array.Sort(latencies);
        var split = Database.Split(db, slug);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rush {count} registrations, {clients} clients: {count / clock.Elapsed.TotalSeconds:F0} reg/s, p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms, errors {errors}, " +
            $"database: {split.GetValueOrDefault("Confirmed")} confirmed / {split.GetValueOrDefault("Waitlisted")} waitlisted ({clock.Elapsed.TotalSeconds:F1} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per registration: site {siteCpu / count:F2} ms, load client {clientCpu / count:F2} ms; all {Environment.ProcessorCount} cores {busy:P0} busy " +
            $"(so the cores could carry at most {Environment.ProcessorCount * 1000 / Math.Max(0.01, (siteCpu + clientCpu) / count):F0} reg/s with this client, {Environment.ProcessorCount * 1000 / Math.Max(0.01, siteCpu / count):F0} with a free one)"));
        Console.WriteLine($"  process memory now: {Memory.Describe(pid)}");
        Console.WriteLine($"  {Database.Confirmations(db, slug)}");
        // Confirmations waited for the outbox to drain: the site's CPU since the rush began now includes every email.
        var siteCpuWithEmail = Cpu.ProcessMilliseconds(pid) - siteCpuBefore;
        // One line for bench/run.sh's site-versus-reference table: throughput, p99, CPU in the rush and with the emails.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  figures: {count / clock.Elapsed.TotalSeconds:F0} reg/s, p99 {Percentile(latencies, 99):F0} ms, CPU/reg {siteCpu / count:F2} ms, with email {siteCpuWithEmail / count:F2} ms, errors {errors}"));
        return errors == 0 ? 0 : 1;
    }

    private static async Task RegisterAsync(Visitor visitor, string slug, string email, int i)
    {
        var (status, body, _) = await visitor.SendAsync(HttpMethod.Get, $"/workshops/{slug}");
        Expect(status, HttpStatusCode.OK, "form");
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = $"Kävijä {i}",
            ["Input.Email"] = email,
            ["Input.Organisation"] = "Bench ry",
            ["Input.Group"] = "Citizen",
            ["Input.Language"] = "fi",
            ["Input.Consent"] = "true",
            ["__RequestVerificationToken"] = Visitor.Token(body),
        };
        var (posted, _, location) = await visitor.SendAsync(HttpMethod.Post, $"/workshops/{slug}", form);
        Expect(posted, HttpStatusCode.Redirect, "post");
        var (result, _, _) = await visitor.SendAsync(HttpMethod.Get, location!.OriginalString);
        Expect(result, HttpStatusCode.OK, "result page");
    }

    internal static void Expect(HttpStatusCode actual, HttpStatusCode expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what}: {(int)actual} instead of {(int)expected}");
        }
    }

    internal static double Percentile(double[] sorted, int p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}

internal static class Organiser
{
    public static async Task<int> RunAsync(Uri site, string email, string password, string slug, int pid, string? proposalsSlug)
    {
        using var http = Visitor.Client(2);
        var visitor = new Visitor(http, site);
        var (_, signInPage, _) = await visitor.SendAsync(HttpMethod.Get, "/organiser/sign-in");
        var (signedIn, _, _) = await visitor.SendAsync(HttpMethod.Post, "/organiser/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = "/organiser",
            ["__RequestVerificationToken"] = Visitor.Token(signInPage),
        });
        Rush.Expect(signedIn, HttpStatusCode.Redirect, "sign-in");

        Console.WriteLine($"  process memory before: {Memory.Describe(pid)}");
        var pages = new List<(string What, string Path)>
        {
            ("attendee list", $"/organiser/workshops/{slug}"),
            ("CSV export", $"/organiser/workshops/{slug}?handler=Csv"),
            ("XLSX export", $"/organiser/workshops/{slug}?handler=Xlsx"),
        };
        if (proposalsSlug is not null)
        {
            pages.Add(("moderation page, first 50 of 10,000 proposals", $"/organiser/workshops/{proposalsSlug}/proposals"));
            pages.Add(("moderation page, last 50 of 10,000 (new ones)", $"/organiser/workshops/{proposalsSlug}/proposals?state=New&pageNumber=200"));
        }

        foreach (var (what, path) in pages)
        {
            // Twice: the first pays for JIT and cold caches, the second is the figure.
            await visitor.SendAsync(HttpMethod.Get, path);
            using var sampler = new Memory.Sampler(pid);
            var cpu = Memory.CpuMilliseconds(pid);
            var clock = Stopwatch.StartNew();
            var (status, body, _) = await visitor.SendAsync(HttpMethod.Get, path);
            clock.Stop();
            cpu = Memory.CpuMilliseconds(pid) - cpu;
            Rush.Expect(status, HttpStatusCode.OK, what);
            // The site's CPU time too: on a loaded machine the wall time mostly measures waiting for a core.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {clock.Elapsed.TotalMilliseconds:F0} ms wall, {cpu} ms site CPU, {body.Length / 1024} KiB, process peak RSS during it {sampler.PeakMegabytes} MB"));
        }

        return 0;
    }
}

/// <summary>CPU time from /proc (Linux): a process's user + system time, and the machine's busy and total jiffies.</summary>
internal static class Cpu
{
    /// <summary>User + system CPU time of <paramref name="pid"/> since it started, in milliseconds (all threads).</summary>
    public static double ProcessMilliseconds(int pid)
    {
        // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th, stime the 15th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>The machine's busy (everything but idle and iowait) and total jiffies since boot, all cores.</summary>
    public static (long Busy, long Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Take(8).Sum();
        return (total - cpu[3] - cpu[4], total);
    }
}

/// <summary>The site's resident memory from /proc (Linux): VmRSS now, VmHWM the peak since start.</summary>
internal static class Memory
{
    public static long Kilobytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>The process's user and system CPU time so far (/proc/{pid}/stat, clock ticks of 10 ms on Linux).</summary>
    public static long CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10;
    }

    public static string Describe(int pid) => $"RSS {Kilobytes(pid, "VmRSS") / 1024} MB, peak since start {Kilobytes(pid, "VmHWM") / 1024} MB";

    public sealed class Sampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _peak;

        public Sampler(int pid) => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Kilobytes(pid, "VmRSS"));
                try
                {
                    await Task.Delay(5, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        public long PeakMegabytes => Math.Max(_peak, 0) / 1024;

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}
