using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Exports;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// The comparison as one flat table for CSV and .xlsx: a row per workshop, a row per format, then a row per answer
/// (a group of one: its ratings in the mean columns and in its source's mean columns, a 1 in its source's and its
/// "come again" column, its texts at the end). Participants' and walk-in visitors' means have columns of their own, so a
/// skew is visible in the file too. Titles in Finnish.
/// </summary>
public static class OutcomesTable
{
    public static ExportTable Build(MethodComparison report, IStringLocalizer<OrganiserResource> l)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var line in report.Workshops)
        {
            rows.Add(Row(report, l["Työpaja"], line.Workshop!.Title.Fi, l[Labels.Format(line.Format)], line));
        }

        foreach (var line in report.Formats)
        {
            rows.Add(Row(report, l["Toteutustapa"], l[Labels.Format(line.Format)], l[Labels.Format(line.Format)], line));
        }

        foreach (var line in report.Modes)
        {
            rows.Add(Row(report, l["Osallistumistapa"], $"{line.Workshop!.Title.Fi} – {l[Labels.Mode(line.Mode!.Value)]}", l[Labels.Format(line.Format)], line));
        }

        foreach (var each in report.Answers)
        {
            var a = each.Answer;
            var walkIn = a.Source == FeedbackSource.WalkIn;
            List<object?> row =
            [
                l["Vastaus"].Value, each.Workshop.Title.Fi, l[Labels.Format(each.Workshop.Format)].Value,
                walkIn ? l["Ohikulkija"].Value : l["Osallistuja"].Value, null, null, null, null,
                null, walkIn ? 0 : 1, walkIn ? 1 : 0, null,
                a.OverallRating, 1, a.MethodRating, 1,
                walkIn ? null : a.OverallRating, walkIn ? a.OverallRating : null, walkIn ? null : a.MethodRating, walkIn ? a.MethodRating : null,
                .. Enumerable.Repeat<object?>(null, 10),
                One(a.WouldComeAgain == ComeAgain.Yes), One(a.WouldComeAgain == ComeAgain.No),
                One(a.WouldComeAgain == ComeAgain.Maybe), One(a.WouldComeAgain is null),
            ];
            if (report.HasProposals)
            {
                row.Add(null);
            }

            row.AddRange([a.WhatWorked, a.WhatToImprove]);
            rows.Add(row);
        }

        return new ExportTable("menetelmat", Headers(report).Select(h => l[h].Value).ToList(), rows.ToAsyncEnumerable());
    }

    private static List<string> Headers(MethodComparison report)
    {
        List<string> headers =
        [
            "Näkökulma", "Työpaja tai toteutustapa", "Toteutustapa", "Vastaaja", "Työpajoja", "Ilmoittautuneet", "Saapuneet", "Kävijämäärä",
            "Palautetta pyydetty", "Vastauksia osallistujilta", "Vastauksia ohikulkijoilta", "Vastausprosentti",
            "Kokonaisarvio, keskiarvo", "Kokonaisarvio, vastauksia", "Työskentelytapa, keskiarvo", "Työskentelytapa, vastauksia",
            "Kokonaisarvio, osallistujat", "Kokonaisarvio, ohikulkijat", "Työskentelytapa, osallistujat", "Työskentelytapa, ohikulkijat",
            "Kokonaisarvio 1", "Kokonaisarvio 2", "Kokonaisarvio 3", "Kokonaisarvio 4", "Kokonaisarvio 5",
            "Työskentelytapa 1", "Työskentelytapa 2", "Työskentelytapa 3", "Työskentelytapa 4", "Työskentelytapa 5",
            "Tulisi uudelleen: kyllä", "Tulisi uudelleen: ei", "Tulisi uudelleen: ehkä", "Tulisi uudelleen: ei vastausta",
        ];
        if (report.HasProposals)
        {
            headers.Add("Ehdotukset");
        }

        headers.AddRange(["Mikä toimi", "Mitä parantaisi"]);
        return headers;
    }

    private static List<object?> Row(MethodComparison report, string kind, string label, string format, MethodLine line)
    {
        List<object?> row =
        [
            kind, label, format, null, line.WorkshopCount, line.Registered, line.CheckedIn, line.HeadCount,
            line.Asked, line.ParticipantAnswers, line.WalkInAnswers,
            line.ResponseRate is { } rate ? (int)Math.Round(rate * 100) : null,
            Mean(line.Overall.Average), line.Overall.Count, Mean(line.Method.Average), line.Method.Count,
            Mean(line.ParticipantMeans.Overall), Mean(line.WalkInMeans.Overall), Mean(line.ParticipantMeans.Method), Mean(line.WalkInMeans.Method),
            .. line.Overall.Distribution.Cast<object?>(), .. line.Method.Distribution.Cast<object?>(),
            line.ComeAgain.Yes, line.ComeAgain.No, line.ComeAgain.Maybe, line.ComeAgain.NoAnswer,
        ];
        if (report.HasProposals)
        {
            row.Add(line.Proposals);
        }

        row.AddRange([null, null]);
        return row;
    }

    private static int One(bool yes) => yes ? 1 : 0;

    /// <summary>Rounded to two decimals, as the page shows it.</summary>
    private static double? Mean(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
