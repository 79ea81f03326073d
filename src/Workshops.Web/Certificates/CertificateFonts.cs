using System.Reflection;
using PdfSharp.Fonts;

namespace Workshops.Web.Certificates;

/// <summary>
/// The certificate's one typeface, DejaVu Sans (regular and bold; Bitstream Vera licence, in <c>Fonts/LICENSE-DejaVu.txt</c>),
/// shipped inside the assembly as embedded resources: PDFsharp 6 finds no fonts on Linux by itself, and the site must run
/// on a fresh machine with only the .NET SDK, so no system font folder is read at run time. DejaVu covers å, ä, ö and
/// every other letter a Finnish, Swedish or English name is likely to hold.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    /// <summary>The family name the certificate asks for.</summary>
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly object Gate = new();

    private CertificateFonts()
    {
    }

    /// <summary>
    /// The one instance. PDFsharp takes a font resolver once per process (and the same instance on a later set); every
    /// app in the process (the tests start many) shares this one.
    /// </summary>
    public static CertificateFonts Instance { get; } = new();

    /// <summary>Installs <see cref="Instance"/> as PDFsharp's font resolver (once; later calls do nothing).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    /// <inheritdoc/>
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Workshops.Web.Certificates.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
