namespace Workshops.Tests.Support;

/// <summary>A fresh folder under the system temp directory, removed when disposed.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open for a moment; the OS temp cleaner takes it later.
        }
    }
}
