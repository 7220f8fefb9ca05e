using Microsoft.Extensions.DependencyInjection;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The reminder rendered once and filled in must read exactly as a Razor render of each reminder.</summary>
public sealed class ReminderBodyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("Ann", "Upper back routine", "https://hep.test/today/CfDJ8abc-_", "https://hep.test/reminders/off/CfDJ8xyz")]
    [InlineData("<script>alert('x')</script> & \"Bob\"", "Knee <b>rehab</b> & 'more'", "https://hep.test/today/a?b=1&c=\"2\"", "javascript:alert(1)")]
    [InlineData("Zoë Ólafsdóttir 日本 😀", "Rücken + Schulter", "https://hep.test/today/é+/=", "")]
    [InlineData("ReminderSlot0", "{0} @ProgramName", "https://hep.test/today/x", "https://hep.test/off/y")]
    public async Task Filling_the_rendered_body_equals_a_razor_render(string patient, string program, string today, string optOut)
    {
        var (filled, rendered) = await app.InScopeAsync(async sp =>
        {
            var renderer = sp.GetRequiredService<EmailRenderer>();
            var body = await ReminderBody.RenderAsync(renderer);
            var direct = await renderer.RenderAsync<ReminderEmail>(new Dictionary<string, object?>
            {
                [nameof(ReminderEmail.PatientName)] = patient,
                [nameof(ReminderEmail.ProgramName)] = program,
                [nameof(ReminderEmail.TodayLink)] = today,
                [nameof(ReminderEmail.OptOutLink)] = optOut,
            });
            return (body.Fill(patient, program, today, optOut), direct);
        });

        Assert.Equal(rendered, filled);
    }
}
