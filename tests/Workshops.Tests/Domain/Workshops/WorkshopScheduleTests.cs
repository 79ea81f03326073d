using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Workshops;

[Trait("Kind", "Rules")]
public sealed class WorkshopScheduleTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Workshop Workshop() => new()
    {
        Slug = "w",
        Date = new DateOnly(2028, 5, 31),
        StartTime = new TimeOnly(9, 0),
        EndTime = new TimeOnly(12, 0),
        Place = "Rauma",
        Title = new LocalizedText { Fi = "Otsikko" },
        Description = new LocalizedText { Fi = "Kuvaus" },
        UpdatedAtUtc = Created,
    };

    [Fact]
    public void NewTimeRaisesSequenceAndUpdateTime()
    {
        var workshop = Workshop();

        Assert.True(workshop.ChangeSchedule(workshop.Date, new(10, 0), new(13, 0), "Rauma", null, Later));

        Assert.Equal(1, workshop.Sequence);
        Assert.Equal(Later, workshop.UpdatedAtUtc);
        Assert.Equal(new TimeOnly(10, 0), workshop.StartTime);
        Assert.Equal(new TimeOnly(13, 0), workshop.EndTime);
    }

    [Theory]
    [InlineData("2028-06-01", "09:00", "12:00", "Rauma", null)]
    [InlineData("2028-05-31", null, null, "Rauma", null)]
    [InlineData("2028-05-31", "09:00", null, "Rauma", null)]
    [InlineData("2028-05-31", "09:00", "12:00", "Pori", null)]
    [InlineData("2028-05-31", "09:00", "12:00", null, null)]
    [InlineData("2028-05-31", "09:00", "12:00", "Rauma", "https://meet.example.fi/new")]
    public void EachScheduleChangeRaisesSequenceByOne(string date, string? start, string? end, string? place, string? join)
    {
        var workshop = Workshop();

        var changed = workshop.ChangeSchedule(DateOnly.Parse(date), Time(start), Time(end), place, join, Later);

        Assert.True(changed);
        Assert.Equal(1, workshop.Sequence);
    }

    [Fact]
    public void SameScheduleAgainChangesNothing()
    {
        var workshop = Workshop();

        Assert.False(workshop.ChangeSchedule(workshop.Date, new(9, 0), new(12, 0), "  Rauma ", " ", Later));

        Assert.Equal(0, workshop.Sequence);
        Assert.Equal(Created, workshop.UpdatedAtUtc);
        Assert.Equal("Rauma", workshop.Place);
    }

    [Theory]
    [InlineData("12:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData(null, "09:00")]
    public void EndMustComeAfterAStart(string? start, string end)
    {
        var workshop = Workshop();

        Assert.Throws<ArgumentException>(() => workshop.ChangeSchedule(workshop.Date, Time(start), Time(end), "Rauma", null, Later));
        Assert.Equal(0, workshop.Sequence);
    }

    [Fact]
    public void NewTextsMoveTheUpdateTimeButNotTheSequence()
    {
        var workshop = Workshop();

        Assert.True(workshop.ChangeTexts(new LocalizedText { Fi = "Uusi otsikko" }, workshop.Description, Later));
        Assert.False(workshop.ChangeTexts(new LocalizedText { Fi = "Uusi otsikko" }, new LocalizedText { Fi = "Kuvaus" }, Later.AddDays(1)));

        Assert.Equal(0, workshop.Sequence);
        Assert.Equal(Later, workshop.UpdatedAtUtc);
        Assert.Equal("Uusi otsikko", workshop.Title.Fi);
    }

    [Fact]
    public void CancellingRaisesSequenceOnceAndMarksTheWorkshopCancelled()
    {
        var workshop = Workshop();

        workshop.Cancel(Later);
        workshop.Cancel(Later.AddDays(1));

        Assert.Equal(WorkshopStatus.Cancelled, workshop.Status);
        Assert.Equal(1, workshop.Sequence);
        Assert.Equal(Later, workshop.UpdatedAtUtc);
    }

    private static TimeOnly? Time(string? text) => text is null ? null : TimeOnly.Parse(text);
}
