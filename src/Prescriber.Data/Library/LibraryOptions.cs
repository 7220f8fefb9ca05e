using System.ComponentModel.DataAnnotations;

namespace Prescriber.Data.Library;

public sealed class LibraryOptions
{
    public const string SectionName = "Library";

    /// <summary>Folder of library files (*.json); relative paths start at the app's own folder.</summary>
    [Required(ErrorMessage = "Library:SeedFolder is required.")]
    public string SeedFolder { get; set; } = "seeds";

    public string ResolveSeedFolder() => Path.GetFullPath(SeedFolder, AppContext.BaseDirectory);
}
