// The benchmark's minimal reference (issue 27, docs/performance.md): the same three requests the rush client makes of
// the site, on the same stack, doing the same work and nothing else:
//   GET  /workshops/{slug}   the form with an antiforgery token and cookie
//   POST /workshops/{slug}   antiforgery validation, then ONE SQLite write transaction behind one writer (count the
//                            confirmed seats, refuse a second registration of the address, insert the registration, a
//                            manage-token row and an outbox row), 302 to the result page
//   GET  /registered/{id}    reads the registration back
// plus an outbox that composes each confirmation (MimeKit, an Ical.Net calendar entry) and writes it as an .eml file.
// Its tables carry the names and columns the load client reads (Workshops, Registrations, OutgoingEmails), so
// bench/Workshops.Bench measures it exactly as it measures the site.
// Usage: Workshops.Reference --urls <url> --db <file> --mail <folder> --workshops <slug>=<capacity>[,<slug>=<capacity>…]
using Microsoft.AspNetCore.Antiforgery;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddAntiforgery();
var db = new Database(builder.Configuration["db"] ?? throw new InvalidOperationException("--db is required"));
var outbox = new Outbox(db, builder.Configuration["mail"] ?? throw new InvalidOperationException("--mail is required"));
builder.Services.AddSingleton(db);
builder.Services.AddHostedService(_ => outbox);
var app = builder.Build();
db.Create((builder.Configuration["workshops"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

app.MapGet("/", () => Results.Text("reference", "text/plain"));
app.MapGet("/workshops/{slug}", (string slug, HttpContext http, IAntiforgery antiforgery) =>
{
    var workshop = db.Workshop(slug);
    if (workshop is null)
    {
        return Results.NotFound();
    }

    var token = antiforgery.GetAndStoreTokens(http).RequestToken;
    return Results.Content(Html.Form(workshop.Value.Title, slug, token!), "text/html; charset=utf-8");
});
app.MapPost("/workshops/{slug}", async (string slug, HttpContext http, IAntiforgery antiforgery) =>
{
    if (!await antiforgery.IsRequestValidAsync(http))
    {
        return Results.BadRequest();
    }

    var workshop = db.Workshop(slug);
    if (workshop is null)
    {
        return Results.NotFound();
    }

    var form = await http.Request.ReadFormAsync();
    string Field(string name) => form[name].ToString().Trim();
    var input = new Registration(Field("Input.Name"), Field("Input.Email"), Field("Input.Organisation"), Field("Input.Group"), Field("Input.Language"));
    if (input.Name.Length is 0 or > 200 || !input.Email.Contains('@', StringComparison.Ordinal) || input.Email.Length > 254 || Field("Input.Consent") != "true")
    {
        return Results.Content(Html.Form(workshop.Value.Title, slug, antiforgery.GetAndStoreTokens(http).RequestToken!), "text/html; charset=utf-8", statusCode: 400);
    }

    var id = await db.RegisterAsync(workshop.Value.Id, input);
    if (id is null)
    {
        return Results.Content(Html.Form(workshop.Value.Title, slug, antiforgery.GetAndStoreTokens(http).RequestToken!), "text/html; charset=utf-8", statusCode: 400);
    }

    outbox.Wake();
    return Results.Redirect($"/registered/{id}");
});
app.MapGet("/registered/{id:long}", (long id) =>
{
    var status = db.Status(id);
    return status is null ? Results.NotFound() : Results.Content(Html.Result(status), "text/html; charset=utf-8");
});
app.Run();

/// <summary>What the form posts: the site's required registration fields.</summary>
internal readonly record struct Registration(string Name, string Email, string Organisation, string Group, string Language);
