using System.Text.Json;
using Microsoft.Playwright;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Browser;

/// <summary>Runs axe-core in the page and fails on serious or critical violations, naming them.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        TestServices.Need(TestServices.Axe is { } path && File.Exists(path), "axe-core (PRESCRIBER_AXE)");
        // A snackbar fading in is, for a moment, nearly invisible text: axe would measure that
        // frame. Let finite animations and transitions end first.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        await page.AddScriptTagAsync(new() { Path = TestServices.Axe });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary) }))");
        var violations = json.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, "Accessibility violations:\n" + string.Join("\n", violations));
    }
}
