using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Questions;

/// <summary>
/// Organisers change a workshop's questions (kind, options, "required", archiving) in random order while people have
/// answered and keep correcting, through the domain services on a real SQLite file: no stored answer is lost or hidden.
/// A question change leaves every stored answer as it was; a correction changes only the answer the person changed (and
/// keeps the archived options of a several-choices answer); every stored answer reads non-empty, naming each option it
/// chose, on the personal page, in the lists and exports (<see cref="WorkshopQuestion.Describe"/>) and in the report's counts.
/// </summary>
public sealed class AnswersOutliveQuestionChangesTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();
    private int _workshops;

    private enum Act
    {
        ChangeKind,
        DropOption,
        RenameOption,
        AddOption,
        ToggleRequired,
        Archive,
        CorrectNameOnly,
        CorrectOneAnswer,
    }

    /// <summary>One step: what happens, to which question and person (indexes taken modulo the counts), with which option and seed.</summary>
    private sealed record Step(Act What, int Question, int Person, int Option, int Seed)
    {
        public override string ToString() => $"{What} q{Question} p{Person} o{Option} s{Seed}";
    }

    /// <summary>A stored answer as it matters here: the chosen keys (null for text) and the text.</summary>
    private sealed record Stored(string? OptionKeys, string Text);

    private sealed record World(Guid WorkshopId, IReadOnlyList<int> People);

    private static readonly Gen<Step> Steps =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 5], Gen.Int[0, 99], (what, q, p, o, s) => new Step((Act)what, q, p, o, s));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task NoStoredAnswerIsLostOrHiddenWhateverTheOrganiserChangesWhilePeopleCorrect()
    {
        // 12 rounds of 4-12 steps, each over a fresh workshop: 15-30 s on a loaded 2-core machine.
        await Gen.Select(Gen.Int[0, 99].Array[12, 12], Steps.Array[4, 12]).SampleAsync(async (firstAnswers, steps) =>
        {
            var world = await StartAsync(firstAnswers);
            await AssertAllVisibleAsync(world);
            foreach (var step in steps)
            {
                await RunAsync(world, step);
                await AssertAllVisibleAsync(world);
            }
        }, iter: 12, threads: 1);
    }

    /// <summary>A new workshop with four questions (one of each shape) and three people who answered some of them.</summary>
    private async Task<World> StartAsync(int[] firstAnswers)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var slug = $"kysymykset-{Interlocked.Increment(ref _workshops)}";
        var details = new WorkshopDetails(slug, new LocalizedText { Fi = "Kysymystyöpaja" }, new LocalizedText { Fi = "Kuvaus" }, new DateOnly(2028, 9, 1),
            null, null, WorkshopFormat.InPerson, Audience.OpenToAll, "Rauma", null, null, null, true);
        var workshopId = (await services.GetRequiredService<WorkshopService>().CreateAsync(details, Organisers.Email))!.Value;
        var questions = services.GetRequiredService<QuestionService>();
        foreach (var draft in new[]
        {
            Draft(QuestionKind.ShortText, "Mistä kuulit työpajasta?"),
            Draft(QuestionKind.OneChoice, "Mihin aikaan pääset?", "Aamupäivä", "Iltapäivä", "Ilta"),
            Draft(QuestionKind.SeveralChoices, "Mitä toivot?", "Tietoa", "Verkostoja", "Kahvia"),
            Draft(QuestionKind.YesNo, "Tarvitsetko pysäköintipaikan?"),
        })
        {
            await questions.AddAsync(workshopId, draft, Organisers.Email);
        }

        var asked = await QuestionsAsync(workshopId);
        var people = new List<int>();
        for (var p = 0; p < 3; p++)
        {
            var answers = asked.Select((q, i) => new AnswerRequest(q.Id, NewValues(q, firstAnswers[(p * 4) + i]))).ToList();
            var request = new RegistrationRequest($"Henkilö {p}", $"henkilo{p}@example.fi", null, HelixGroup.Citizen, null, "fi", answers);
            var outcome = await services.GetRequiredService<RegistrationService>().RegisterAsync(workshopId, request);
            people.Add(outcome.RegistrationId!.Value);
        }

        return new World(workshopId, people);
    }

    private async Task RunAsync(World world, Step step)
    {
        var before = await SnapshotAsync(world);
        var all = await QuestionsAsync(world.WorkshopId);
        var question = all[step.Question % all.Count];
        var person = world.People[step.Person % world.People.Count];
        await using var scope = _app.Services.CreateAsyncScope();
        var questions = scope.ServiceProvider.GetRequiredService<QuestionService>();
        var active = question.IsChoice ? question.Choices.Select(o => new OptionDraft(o.Key, o.Text)).ToList() : [];
        var draft = new QuestionDraft(question.Kind, question.Text, question.Help, question.Required, active);
        switch (step.What)
        {
            case Act.ChangeKind:
                var kind = (QuestionKind)(step.Seed % 5);
                var options = kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices
                    ? active.Count > 0 ? active : [new OptionDraft(null, new LocalizedText { Fi = "Kyllä kai" }), new OptionDraft(null, new LocalizedText { Fi = "Tuskin" })]
                    : [];
                await questions.EditAsync(world.WorkshopId, question.Id, draft with { Kind = kind, Options = options }, Organisers.Email);
                break;
            case Act.DropOption when active.Count > 1:
                active.RemoveAt(step.Option % active.Count);
                await questions.EditAsync(world.WorkshopId, question.Id, draft, Organisers.Email);
                break;
            case Act.RenameOption when active.Count > 0:
                var i = step.Option % active.Count;
                active[i] = active[i] with { Text = new LocalizedText { Fi = $"Vaihtoehto {step.Seed}", Sv = $"Alternativ {step.Seed}" } };
                await questions.EditAsync(world.WorkshopId, question.Id, draft, Organisers.Email);
                break;
            case Act.AddOption when question.IsChoice && active.Count < WorkshopQuestion.MaxOptions:
                active.Insert(step.Option % (active.Count + 1), new OptionDraft(null, new LocalizedText { Fi = $"Uusi {step.Seed}" }));
                await questions.EditAsync(world.WorkshopId, question.Id, draft, Organisers.Email);
                break;
            case Act.ToggleRequired:
                await questions.EditAsync(world.WorkshopId, question.Id, draft with { Required = !question.Required }, Organisers.Email);
                break;
            case Act.Archive:
                await questions.RemoveAsync(world.WorkshopId, question.Id, Organisers.Email);
                break;
            case Act.CorrectNameOnly or Act.CorrectOneAnswer:
                await CorrectAsync(world, before, step, person, question);
                return;
        }

        // Whatever the organiser did (saved, refused, archived), every stored answer is as it was.
        Assert.Equal(Sorted(before), Sorted(await SnapshotAsync(world)));
    }

    /// <summary>
    /// The person posts the correction form as it shows their answers (<see cref="WorkshopQuestion.Shown"/>), with a new
    /// name, and for <see cref="Act.CorrectOneAnswer"/> a new answer to <paramref name="question"/>.
    /// </summary>
    private async Task CorrectAsync(World world, Dictionary<(int, int), Stored> before, Step step, int person, WorkshopQuestion question)
    {
        var form = await QuestionsAsync(world.WorkshopId, activeOnly: true);
        var mine = await _app.WithDbAsync(db => db.RegistrationAnswers.AsNoTracking().Where(a => a.RegistrationId == person).ToListAsync());
        var changing = step.What == Act.CorrectOneAnswer && form.Any(q => q.Id == question.Id) ? question : null;
        var posted = form.Select(q => new AnswerRequest(q.Id, q.Id == changing?.Id
                ? NewValues(q, step.Seed)
                : mine.FirstOrDefault(a => a.QuestionId == q.Id) is { } a ? q.Shown(a) : []))
            .ToList();
        CorrectionResult result;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<RegistrationService>()
                .CorrectDetailsAsync(person, new RegistrantDetails($"Nimi {step.Seed}", null, HelixGroup.Citizen, null), posted);
        }

        var after = await SnapshotAsync(world);
        var key = (person, question.Id);
        Assert.Equal(Sorted(before, changing is null ? null : key), Sorted(after, changing is null ? null : key));
        if (changing is null || result.Outcome == CorrectionOutcome.AnswersNeeded)
        {
            Assert.Equal(before.GetValueOrDefault(key), after.GetValueOrDefault(key));
            return;
        }

        // The changed answer holds what was posted; a several-choices answer also keeps the archived options it had.
        var values = posted.Single(p => p.QuestionId == question.Id).Values.Where(v => v.Trim().Length > 0).ToList();
        var now = after.GetValueOrDefault(key);
        if (!question.TakesKeys)
        {
            Assert.Equal(values.FirstOrDefault()?.Trim(), now?.Text);
            return;
        }

        var hidden = before.GetValueOrDefault(key)?.OptionKeys?.Split(' ').Where(k => question.Choices.All(o => o.Key != k)).ToList() ?? [];
        var kept = question.Kind == QuestionKind.SeveralChoices || values.Count == 0 ? hidden : [];
        Assert.Equal(values.Concat(kept).Order(), (now?.OptionKeys?.Split(' ') ?? []).Order());
    }

    /// <summary>Every stored answer fits its question's kind and reads non-empty everywhere, naming every option it chose.</summary>
    private async Task AssertAllVisibleAsync(World world)
    {
        var questions = await QuestionsAsync(world.WorkshopId);
        var answers = await _app.WithDbAsync(db => db.RegistrationAnswers.AsNoTracking().Where(a => world.People.Contains(a.RegistrationId)).ToListAsync());
        var tallies = AnswerTally.Build(questions, answers);
        foreach (var answer in answers)
        {
            var question = questions.Single(q => q.Id == answer.QuestionId);
            Assert.Equal(question.TakesKeys, answer.OptionKeys is not null);
            var read = question.Describe(answer, "fi");
            Assert.NotEqual("", read);
            foreach (var key in answer.Keys)
            {
                var option = question.Option(key);
                Assert.NotNull(option);
                Assert.Contains(option.Text.Fi, read);
                Assert.Contains(tallies.Single(t => t.Question.Id == question.Id).Choices, c => c.Key == key && c.Count > 0);
            }
        }

        Assert.All(tallies, t => Assert.Equal(0, t.Other));
        foreach (var person in world.People)
        {
            var lines = (await _app.WithDbAsync(db => db.PersonAnswersAsync(person, world.WorkshopId))).Lines("sv");
            Assert.Equal(answers.Count(a => a.RegistrationId == person), lines.Count(l => l.Answer.Length > 0));
        }
    }

    private Task<Dictionary<(int, int), Stored>> SnapshotAsync(World world) =>
        _app.WithDbAsync(db => db.RegistrationAnswers.AsNoTracking().Where(a => world.People.Contains(a.RegistrationId))
            .ToDictionaryAsync(a => (a.RegistrationId, a.QuestionId), a => new Stored(a.OptionKeys, a.Text)));

    /// <summary>The snapshot in a fixed order, without <paramref name="except"/>.</summary>
    private static List<KeyValuePair<(int, int), Stored>> Sorted(Dictionary<(int, int), Stored> snapshot, (int, int)? except = null) =>
        [.. snapshot.Where(e => e.Key != except).OrderBy(e => e.Key)];

    private Task<List<WorkshopQuestion>> QuestionsAsync(Guid workshopId, bool activeOnly = false) =>
        _app.WithDbAsync(db => activeOnly ? db.ActiveQuestionsAsync(workshopId) : db.WorkshopQuestions.AsNoTracking().Where(q => q.WorkshopId == workshopId).OrderBy(q => q.Id).ToListAsync());

    /// <summary>Valid values for <paramref name="question"/> as it is now, picked by <paramref name="seed"/>: sometimes none.</summary>
    private static string[] NewValues(WorkshopQuestion question, int seed)
    {
        if (!question.TakesKeys)
        {
            return seed % 4 == 0 ? [""] : [$"Vastaus {seed}"];
        }

        var choices = question.Choices;
        if (question.Kind == QuestionKind.SeveralChoices)
        {
            return [.. choices.Where((_, i) => ((seed >> (i % 7)) & 1) == 1).Select(o => o.Key)];
        }

        var pick = seed % (choices.Count + 1);
        return pick == choices.Count ? [] : [choices[pick].Key];
    }

    private static QuestionDraft Draft(QuestionKind kind, string text, params string[] options) =>
        new(kind, new LocalizedText { Fi = text }, new LocalizedText(), false, [.. options.Select(o => new OptionDraft(null, new LocalizedText { Fi = o }))]);
}
