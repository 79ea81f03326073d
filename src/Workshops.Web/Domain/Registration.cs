namespace Workshops.Web.Domain;

/// <summary>One person's registration for one workshop. The Id grows with arrival order.</summary>
public sealed class Registration
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int OrganisationMaxLength = 200;
    public const int NeedsMaxLength = 1000;

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Lower-cased email: one active registration per address and workshop.</summary>
    public string EmailNormalized { get; set; } = "";
    public string? Organisation { get; set; }
    public HelixGroup Group { get; set; }
    public string? Needs { get; set; }
    public string Language { get; set; } = "fi";
    public RegistrationStatus Status { get; set; }
    public DateTime ConsentedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime? CheckedInAtUtc { get; set; }

    /// <summary>Set when the person's details were replaced with anonymous values (on request or by the retention purge).</summary>
    public DateTime? ErasedAtUtc { get; set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
