namespace Workshops.Web.Domain.Messaging;

/// <summary>
/// A workshop's automatic reminder switch as stored with it (a complex type: a column of the workshop's row). When on,
/// confirmed registrants are reminded <c>Reminders__HoursBefore</c> hours before the start (<see cref="EventReminders"/>);
/// an organiser switches it off per workshop in the editor.
/// </summary>
public sealed class ReminderSettings
{
    /// <summary>Whether confirmed registrants get the automatic reminder before the start.</summary>
    public bool Enabled { get; set; } = true;
}
