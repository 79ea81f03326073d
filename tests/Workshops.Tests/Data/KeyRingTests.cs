using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;

namespace Workshops.Tests.Data;

/// <summary>A copy of the database (or a backup) holds the key ring only encrypted with a key kept outside it.</summary>
[Trait("Kind", "Security")]
public sealed class KeyRingTests
{
    [Fact]
    public async Task WithACertificateConfiguredTheKeyRingInTheDatabaseIsEncrypted()
    {
        using var folder = new TestFolder();
        var pfx = Path.Combine(folder.Path, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Workshops key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "salasana"));
        }

        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "salasana",
        });
        await Organisers.SignedInAsync(app); // antiforgery and the sign-in cookie need a key

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task WithoutACertificateTheKeysAreStillUsableOutsideProduction()
    {
        using var app = new WorkshopsFactory();
        await Organisers.SignedInAsync(app);
        Assert.NotEmpty(await app.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
    }
}
