using System.Text;
using System.Text.Encodings.Web;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// The reminder's HTML, rendered by Razor once with a marker in place of each parameter and cut
/// at the markers; each reminder then only joins the cut parts with its own values, HTML-encoded
/// by the same encoder Razor uses. A reminder scan builds thousands of these, and a Razor render
/// each cost more than everything else the scan does per reminder. This holds while
/// <see cref="ReminderEmail"/> prints its parameters and does not branch on them: a test compares
/// the result with a full render for awkward values.
/// </summary>
public sealed class ReminderBody
{
    // Letters and digits only, so Razor's encoding leaves them as they are; the random part keeps
    // them from being anything a template could contain.
    private static readonly string Marker = $"ReminderSlot{Guid.NewGuid():N}x";

    private static readonly string[] Names =
        [nameof(ReminderEmail.PatientName), nameof(ReminderEmail.ProgramName), nameof(ReminderEmail.TodayLink), nameof(ReminderEmail.OptOutLink)];

    private readonly List<(string Text, int Value)> _parts;

    private readonly int _length;

    private ReminderBody(List<(string Text, int Value)> parts)
    {
        _parts = parts;
        _length = parts.Sum(p => p.Text.Length);
    }

    public static async Task<ReminderBody> RenderAsync(EmailRenderer renderer)
    {
        var parameters = Names.Select((name, i) => (name, value: (object?)$"{Marker}{i}")).ToDictionary(p => p.name, p => p.value);
        var html = await renderer.RenderAsync<ReminderEmail>(parameters);

        // Split once, left to right: text, then which value follows it (-1 after the last part).
        var parts = new List<(string Text, int Value)>();
        var at = 0;
        while (true)
        {
            var next = html.IndexOf(Marker, at, StringComparison.Ordinal);
            if (next < 0)
            {
                parts.Add((html[at..], -1));
                return new ReminderBody(parts);
            }

            var index = html[next + Marker.Length] - '0';
            parts.Add((html[at..next], index));
            at = next + Marker.Length + 1;
        }
    }

    /// <summary>The HTML for these values, as a Razor render of <see cref="ReminderEmail"/> would give it.</summary>
    public string Fill(string patientName, string programName, string todayLink, string optOutLink)
    {
        string[] values =
        [
            HtmlEncoder.Default.Encode(patientName),
            HtmlEncoder.Default.Encode(programName),
            HtmlEncoder.Default.Encode(todayLink),
            HtmlEncoder.Default.Encode(optOutLink),
        ];
        var html = new StringBuilder(_length + 2 * values.Sum(v => v.Length));
        foreach (var (text, value) in _parts)
        {
            html.Append(text);
            if (value >= 0)
            {
                html.Append(values[value]);
            }
        }

        return html.ToString();
    }
}
