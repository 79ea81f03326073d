using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Support;

/// <summary>A workshop's lifecycle at a Helsinki wall-clock moment, for rule tests written in local time.</summary>
public static class LocalLife
{
    public static WorkshopLifecycle At(Workshop workshop, DateTime helsinki) => WorkshopLifecycle.At(workshop, HelsinkiTime.ToUtc(helsinki));
}
