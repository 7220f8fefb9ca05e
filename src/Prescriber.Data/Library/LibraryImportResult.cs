namespace Prescriber.Data.Library;

public sealed record LibraryImportResult(int InFiles, int Added, int Updated, int Retired);
