using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// A site of its own at the door: Rauma's workshop (3.12.2026 14.00–16.00, the clock at 14.20 Helsinki time, so self
/// check-in is open) with three custom questions and twelve people with long Finnish and Swedish names, organisations and
/// answers; one arrived by an organiser's tap, one by their own code. The bench café runs at the same time, for "count
/// me in". An organiser account to sign in with.
/// </summary>
public sealed class DoorSite : IAsyncLifetime
{
    public const string Workshop = AllStatesSite.Open;
    public const string Cafe = AllStatesSite.WalkIn;
    public const string Email = "door@example.fi";

    /// <summary>14.20 in Helsinki on the workshop's day.</summary>
    public static readonly DateTimeOffset During = new(2026, 12, 3, 12, 20, 0, TimeSpan.Zero);

    /// <summary>Who registered, in order: name, organisation, email.</summary>
    public static readonly (string Name, string Organisation, string Email)[] People =
    [
        ("Aino Ääkkönen", "Rauman kaupunki", "aino@example.fi"),
        ("Maria-Liisa Kärkkäinen-Öhrnberg", "Satakunnan hyvinvointialue", "maria-liisa@example.fi"),
        ("Bengt Söderström", "Åbo Akademi", "bengt@example.fi"),
        ("Åsa Öberg", "Yhteisötalo Kotipesä ry", "asa@example.fi"),
        ("Tuomas Kivimäki", "Kansalaisopisto", "tuomas@example.fi"),
        ("Eeva-Kaarina Heikkilä", "Sosiaalialan osaamiskeskus", "eeva@example.fi"),
        ("Juha-Pekka Väänänen", "Työllisyyspalvelut", "juha-pekka@example.fi"),
        ("Ville Nieminen", "Nuorisotyö", "ville@example.fi"),
        ("Sirpa Lehtonen", "Seurakuntayhtymä", "sirpa@example.fi"),
        ("Kristiina Mäkelä-Grönroos", "Vanhustyön keskusliitto", "kristiina@example.fi"),
        ("Oskari Laaksonen", "Eläkeläisyhdistys", "oskari@example.fi"),
        ("Helena Virtanen", "Rauman kaupunki", "helena@example.fi"),
    ];

    private readonly Dictionary<string, string> _managePaths = [];

    public ServedApp Site { get; private set; } = null!;

    /// <summary>The own page (<c>/manage/…</c>) of a person by email.</summary>
    public string ManagePath(string email) => _managePaths[email];

    public async Task InitializeAsync()
    {
        Site = ServedApp.Start();
        var app = Site.App;
        foreach (var slug in new[] { Workshop, Cafe })
        {
            await app.UpdateWorkshopAsync(slug, w => (w.Date, w.StartTime, w.EndTime, w.Capacity) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0), null));
        }

        var workshop = await app.WorkshopAsync(Workshop);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var questions = scope.ServiceProvider.GetRequiredService<QuestionService>();
            static LocalizedText T(string fi, string sv, string en) => new() { Fi = fi, Sv = sv, En = en };
            static OptionDraft O(string fi, string sv, string en) => new(null, T(fi, sv, en));
            await questions.AddAsync(workshop.Id, new QuestionDraft(QuestionKind.OneChoice, T("Mihin aikaan pääset paikalle?", "När kan du komma?", "When can you come?"),
                T("", "", ""), true, [O("Heti alusta", "Från början", "From the start"), O("Kahvitauon jälkeen", "Efter kaffepausen", "After the coffee break")]), "arrange@example.fi");
            await questions.AddAsync(workshop.Id, new QuestionDraft(QuestionKind.SeveralChoices, T("Mitkä teemat kiinnostavat?", "Vilka teman intresserar dig?", "Which themes interest you?"),
                T("", "", ""), false, [O("Yksinäisyys", "Ensamhet", "Loneliness"), O("Vapaaehtoistyö", "Frivilligarbete", "Volunteering"), O("Rahoitus", "Finansiering", "Funding")]), "arrange@example.fi");
            await questions.AddAsync(workshop.Id, new QuestionDraft(QuestionKind.LongText, T("Mitä toivot työpajalta?", "Vad önskar du av workshoppen?", "What do you hope for from the workshop?"),
                T("", "", ""), false, []), "arrange@example.fi");
        }

        var asked = await app.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().Where(q => q.WorkshopId == workshop.Id).OrderBy(q => q.Position).ToListAsync());
        for (var i = 0; i < People.Length; i++)
        {
            var (name, organisation, email) = People[i];
            AnswerRequest[] answers =
            [
                new(asked[0].Id, [asked[0].Options[i % 2].Key]),
                new(asked[1].Id, [asked[1].Options[i % 3].Key, asked[1].Options[(i + 1) % 3].Key]),
                new(asked[2].Id, [i % 3 == 0
                    ? "Haluaisin kuulla, miten muut kunnat ovat järjestäneet yksinäisten ikäihmisten kohtaamispaikat ja vapaaehtoistoiminnan koordinoinnin."
                    : "Vinkkejä rahoitukseen."]),
            ];
            var outcome = await RegistrationSteps.DirectAsync(app, new RegistrationRequest(name, email, organisation, HelixGroup.Municipal, null, "fi", answers), Workshop);
            Assert.Equal(RegistrationOutcomeKind.Confirmed, outcome.Kind);
        }

        while (_managePaths.Count < People.Length)
        {
            var message = await Site.Smtp.NextMessageAsync();
            _managePaths[message.To.Mailboxes.Single().Address] = Mail.ManagePath(message);
        }

        await Organisers.CreateAsync(app, Email);
        app.Time.SetUtcNow(During);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var checkIn = scope.ServiceProvider.GetRequiredService<CheckInService>();
            var ids = await app.WithDbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.Email!, r => r.Id));
            Assert.True(await checkIn.SetCheckedInAsync(ids["aino@example.fi"], present: true, Email));
            app.Time.Advance(TimeSpan.FromMinutes(3));
            var code = CheckInCode.VenueCode((await app.WorkshopAsync(Workshop)).CheckInKey!, app.Time.GetUtcNow());
            Assert.Equal(SelfCheckInOutcome.CheckedIn, (await checkIn.CheckInSelfAsync(ids["asa@example.fi"], code)).Outcome);
        }
    }

    /// <summary>The venue code the door shows now.</summary>
    public async Task<string> CodeAsync(string slug = Workshop) =>
        CheckInCode.VenueCode((await Site.App.WorkshopAsync(slug)).CheckInKey!, Site.App.Time.GetUtcNow());

    /// <summary>Signs the door's organiser in through the real form.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.OpenAsync("/organiser/sign-in");
        await page.Locator("#Input_Email").FillAsync(Email);
        await page.Locator("#Input_Password").FillAsync(Organisers.Password);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.ArriveAtAsync("/organiser");
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
