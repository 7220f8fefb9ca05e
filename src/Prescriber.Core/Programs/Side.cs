namespace Prescriber.Core.Programs;

/// <summary>Which side a prescribed exercise is done on.</summary>
public enum Side
{
    /// <summary>Not a one-sided exercise (both arms together, a stretch of the spine).</summary>
    NotSided,
    /// <summary>Each side in turn.</summary>
    Both,
    Left,
    Right,
}
