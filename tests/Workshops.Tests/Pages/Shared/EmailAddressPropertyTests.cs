using System.Net;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Shared;

/// <summary>
/// Addresses from the RFC 5322 / 6531 grammar and look-alike tricks, through the real form: each is either
/// refused with the field's message, or gets a seat and a confirmation that a real SMTP server receives.
/// Never a seat without a sendable confirmation.
/// </summary>
[Trait("Kind", "Security")]
public sealed class EmailAddressPropertyTests : AppWithMailServer
{
    private const string Slug = "rauma-yksinaisyys";
    private const string FieldMessage = "Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.";

    // atext of RFC 5322 3.2.3, plus UTF-8 letters (RFC 6531) and the characters that broke the sender before.
    private static readonly Gen<char> AText = Gen.Frequency(
        (6, Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"]),
        (3, Gen.Char["!#$%&'*+-/=?^_`{|}~"]),
        (1, Gen.Char["äöåéñßøæ漢字"]));

    private static readonly Gen<string> Atom = Gen.String[AText, 1, 8];

    private static readonly Gen<string> DotAtom = Atom.Array[1, 3].Select(atoms => string.Join('.', atoms));

    /// <summary>Local parts: dot-atoms, broken dots, quoted strings and escapes.</summary>
    private static readonly Gen<string> LocalPart = Gen.Frequency(
        (8, DotAtom),
        (1, DotAtom.Select(a => a + ".")),
        (1, DotAtom.Select(a => "." + a)),
        (1, Gen.Select(Atom, Atom, (a, b) => a + ".." + b)),
        (1, DotAtom.Select(a => "\"" + a + " x\"")),
        (1, DotAtom.Select(a => a + "\\@")));

    private static readonly Gen<string> Label = Gen.Frequency(
        (6, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10]),
        (1, Gen.String[Gen.Char["abc-"], 1, 6]),
        (1, Gen.String[Gen.Char["äöå漢字ü"], 1, 4]));

    private static readonly Gen<string> Domain = Gen.Frequency(
        (8, Gen.Select(Label.Array[1, 2], Gen.OneOf(Gen.Const("fi"), Gen.Const("com"), Gen.Const("xn--p1ai"), Gen.Const("ee"))
            , (labels, tld) => string.Join('.', labels) + "." + tld)),
        (1, Gen.Const("[127.0.0.1]")),
        (1, Gen.Const("example")),
        (1, Label.Select(l => l + ".fi.")));

    /// <summary>Look-alikes: fullwidth letters and at sign, zero-width and bidi format characters, soft hyphens.</summary>
    private static readonly Gen<Func<string, string>> Trick = Gen.Frequency(
        (6, Gen.Const<Func<string, string>>(a => a)),
        (1, Gen.Const<Func<string, string>>(a => a.Replace("@", "＠", StringComparison.Ordinal))),
        (1, Gen.Const<Func<string, string>>(a => "ａ" + a)),
        (1, Gen.Const<Func<string, string>>(a => a.Replace("@", "@\u200B", StringComparison.Ordinal))),
        (1, Gen.Const<Func<string, string>>(a => a.Replace(".", "\u00AD.", StringComparison.Ordinal))),
        (1, Gen.Const<Func<string, string>>(a => "\u200D" + a)),
        (1, Gen.Const<Func<string, string>>(a => a + "\u200E")));

    private static readonly Gen<string> Address = Gen.Select(LocalPart, Domain, Trick, (local, domain, trick) => trick(local + "@" + domain));

    [Fact]
    public async Task EveryAddressTheFormAcceptsIsComposedAndReceivedOrRefusedWithTheFieldsMessage()
    {
        await App.UpdateWorkshopAsync(Slug, w => w.Capacity = 10_000);
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Slug}");
        var accepted = new List<string>();
        var refused = 0;

        await Address.SampleAsync(async address =>
        {
            var response = await Html.SubmitAsync(browser, form, People.Registration(email: address));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            if (page.QuerySelector("form [name='Input.Email']") is not null)
            {
                Assert.Contains(FieldMessage, page.Text("main"));
                refused++;
            }
            else
            {
                accepted.Add(address);
            }
        }, iter: 300, threads: 1, print: Show);

        Console.WriteLine($"{accepted.Count} accepted and sent, {refused} refused at the form");
        Assert.True(accepted.Count > 30, $"only {accepted.Count} addresses accepted: the generator should reach valid ones");
        Assert.True(refused > 30, $"only {refused} refused: the generator should reach the tricks");
        await Eventually.TrueAsync(async () => await App.WithDbAsync(db =>
            db.OutgoingEmails.AllAsync(e => e.State != EmailState.Queued && e.State != EmailState.Sending)), "the outbox is empty",
            TimeSpan.FromMinutes(2)); // up to 300 messages, sent one at a time on a loaded machine

        var failed = await App.WithDbAsync(db => db.OutgoingEmails.Include(e => e.Registration).Where(e => e.State == EmailState.Failed)
            .Select(e => e.Registration!.Email + " → " + e.LastError).ToListAsync());
        Assert.True(failed.Count == 0, "not sendable although accepted:\n" + string.Join("\n", failed));

        var received = new HashSet<string>();
        var sent = await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.State == EmailState.Sent));
        for (var i = 0; i < sent; i++)
        {
            received.Add((await Smtp.NextMessageAsync()).To.Mailboxes.Single().Address);
        }

        Assert.All(accepted.Select(a => a.Trim()), a => Assert.Contains(a, received));
    }

    private static string Show(string value) =>
        string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
