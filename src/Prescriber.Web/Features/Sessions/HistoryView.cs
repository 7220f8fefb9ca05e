using Prescriber.Core.Adherence;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

public sealed record HistoryView(ExerciseProgram Program, AdherenceReport LastWeek, AdherenceReport LastFourWeeks, IReadOnlyList<SessionLog> Sessions);
