namespace Workshops.Tests.Support;

/// <summary>Tests of an organiser page: a fresh site for every test and a browser signed in to it.</summary>
public abstract class SignedInOrganiser : IAsyncLifetime
{
    protected WorkshopsFactory App { get; } = new();

    protected HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync() => Organiser = await Organisers.SignedInAsync(App);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
