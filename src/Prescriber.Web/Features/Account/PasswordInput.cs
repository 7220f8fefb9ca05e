using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// A password box that never writes the typed password back into the page. The account forms are
/// statically rendered: a refused post (a wrong password, passwords that do not match) renders
/// the form again, and a plain <see cref="InputText"/> would put the password into that HTML,
/// where a browser cache, a proxy or a screenshot could keep it.
/// </summary>
public sealed class PasswordInput : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "password");
        if (!string.IsNullOrEmpty(NameAttributeValue))
        {
            builder.AddAttribute(3, "name", NameAttributeValue);
        }

        if (!string.IsNullOrEmpty(CssClass))
        {
            builder.AddAttribute(4, "class", CssClass);
        }

        builder.AddAttribute(5, "value", "");
        builder.AddAttribute(6, "onchange", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, CurrentValueAsString));
        builder.SetUpdatesAttributeName("value");
        builder.CloseElement();
    }
}
