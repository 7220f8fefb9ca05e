using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Library;

/// <summary>What the seed files hold: library exercises and the routines shipped with them.</summary>
public sealed record LibrarySeeds(IReadOnlyList<Exercise> Exercises, IReadOnlyList<ProgramTemplate> Templates);
