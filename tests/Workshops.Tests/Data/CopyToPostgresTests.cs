using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Data;

/// <summary>Moving up: a populated SQLite site copied into an empty PostgreSQL database, then served from there.</summary>
public sealed class CopyToPostgresTests
{
    [Fact]
    public async Task ACopiedSiteShowsTheSameRegistrationsAndItsManageLinksAndSignInsKeepWorking()
    {
        using var sqlite = new WorkshopsFactory();
        await Organisers.CreateAsync(sqlite);
        await sqlite.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 1);
        await RegistrationSteps.ThroughFormAsync(sqlite, "Aino Ääkkönen", "aino@example.fi");
        await RegistrationSteps.ThroughFormAsync(sqlite, "Bertil Berg", "bertil@example.fi");
        await Eventually.TrueAsync(() => Task.FromResult(Directory.Exists(sqlite.PickupDirectory) && Directory.GetFiles(sqlite.PickupDirectory, "*.eml").Length == 2), "both messages written");
        var ainoMail = await MimeMessage.LoadAsync(Directory.GetFiles(sqlite.PickupDirectory, "*.eml")
            .Single(f => File.ReadAllText(f).Contains("aino@example.fi", StringComparison.Ordinal)));
        var before = await sqlite.RegistrationsInFileAsync(RegistrationSteps.Rauma);

        using var target = new TestFolder(DatabaseProvider.PostgreSQL);
        var copied = await sqlite.WithDbAsync(db => PostgresCopy.CopyAsync(db, target.PostgresConnectionString!));
        Assert.Contains(("Registrations", 2), copied);
        Assert.Contains(("AspNetUsers", 1), copied);
        Assert.Contains(copied, c => c.Table == "DataProtectionKeys" && c.Rows > 0);

        // A second copy into the now full database is refused, and changes nothing.
        var refused = await Assert.ThrowsAsync<ConfigurationException>(() => sqlite.WithDbAsync(db => PostgresCopy.CopyAsync(db, target.PostgresConnectionString!)));
        Assert.Contains("not empty", refused.Message);

        using var postgres = new WorkshopsFactory(target);
        Assert.Equal(before, await postgres.RegistrationsInFileAsync(RegistrationSteps.Rauma));
        var manage = await Html.GetAsync(postgres.Browser(), Mail.ManagePath(ainoMail));
        Assert.Contains("Sinulla on paikka työpajassa.", manage.Text("main"));
        var signIn = await Organisers.SubmitSignInAsync(postgres.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", signIn.RequestMessage!.RequestUri!.AbsolutePath);

        // New registrations continue after the copied ids.
        await RegistrationSteps.ThroughFormAsync(postgres, "Cecilia Carlsson", "cecilia@example.fi");
        var after = await postgres.RegistrationsInFileAsync(RegistrationSteps.Rauma);
        Assert.True(after[^1].Id > before[^1].Id);
        Assert.Equal(1, await postgres.WithDbAsync(db => db.Users.CountAsync()));
    }
}
