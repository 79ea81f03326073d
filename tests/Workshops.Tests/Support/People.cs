namespace Workshops.Tests.Support;

/// <summary>Form values for a valid registration; tests override what they are about.</summary>
public static class People
{
    public static Dictionary<string, string?> Registration(string name = "Aino Ääkkönen", string email = "aino@example.fi") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Organisation"] = "Rauman kaupunki",
        ["Input.Group"] = "Municipal",
        ["Input.Needs"] = "Gluteeniton",
        ["Input.Language"] = "fi",
        ["Input.Consent"] = "true",
    };
}
