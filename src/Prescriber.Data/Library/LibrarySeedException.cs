namespace Prescriber.Data.Library;

/// <summary>A library file that cannot be imported; the message names the file, the entry and the field.</summary>
public sealed class LibrarySeedException(string message, Exception? inner = null) : Exception(message, inner);
