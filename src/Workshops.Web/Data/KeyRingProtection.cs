using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Workshops.Web.Data;

/// <summary>Settings under <c>DataProtection__…</c>.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A PKCS#12 (.pfx) file with a certificate and its private key, kept outside the database and its backups.
    /// The key ring in the database is encrypted with it, so a leaked database or backup forges no organiser cookie.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

internal static class KeyRingProtection
{
    /// <summary>Keys in the database, encrypted at rest with the certificate named by DataProtection__CertificatePath.</summary>
    public static void AddWorkshopsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection().SetApplicationName("Workshops").PersistKeysToDbContext<WorkshopsDbContext>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            services.AddHostedService(sp => new MissingKeyRingCertificateWarning(environment, sp.GetRequiredService<ILogger<KeyRingOptions>>()));
            return;
        }

        var path = Path.GetFullPath(options.CertificatePath, environment.ContentRootPath);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new Infrastructure.ConfigurationException($"DataProtection__CertificatePath: cannot read a certificate with its private key from '{path}' ({ex.Message}).");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new Infrastructure.ConfigurationException($"DataProtection__CertificatePath: '{path}' holds no private key.");
        }

        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private sealed class MissingKeyRingCertificateWarning(IHostEnvironment environment, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction())
            {
                logger.LogWarning("DataProtection__CertificatePath is not set: the key ring is stored unencrypted in the database, so a copy of the database or a backup can forge organiser sign-ins. See docs/operations.md.");
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
