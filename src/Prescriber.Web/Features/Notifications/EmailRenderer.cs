using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// Renders a Razor component to an HTML string for an email body, outside any request or circuit
/// (jobs call it too). Components get the usual Razor encoding, so user text cannot inject markup.
/// A renderer serves many emails of its scope (a reminder run renders thousands), and is renewed
/// every <see cref="RendersPerRenderer"/> because it keeps every root component it rendered.
/// </summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const int RendersPerRenderer = 100;

    private HtmlRenderer? _renderer;

    private int _renders;

    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        if (_renderer is not null && _renders >= RendersPerRenderer)
        {
            await _renderer.DisposeAsync();
            _renderer = null;
        }

        if (_renderer is null)
        {
            _renderer = new HtmlRenderer(services, loggerFactory);
            _renders = 0;
        }

        _renders++;
        var renderer = _renderer;
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }
    }
}
