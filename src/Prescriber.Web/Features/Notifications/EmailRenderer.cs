using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Renders a Razor component to an HTML string for an email body, outside any request or circuit
/// (jobs call it too). Components get the usual Razor encoding, so user text cannot inject markup.
/// </summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
