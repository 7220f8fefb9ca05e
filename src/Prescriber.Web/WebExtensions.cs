using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Prescriber.Data;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Components;
using Prescriber.Web.Features.Account;

namespace Prescriber.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddPrescriberWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Prescriber API";
            document.Info.Description = "Library, patients, programs and session logging. Patient apps log sessions with the patient's link token as a bearer token.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        // One key ring for every node, in the database: cookies and patient links survive restarts and scale-out.
        builder.Services.AddDataProtection().SetApplicationName("Prescriber").PersistKeysToDbContext<AppDbContext>();
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<AppOptions>()
            .BindConfiguration(AppOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "App:PublicBaseUrl must be an absolute http(s) address, such as https://hep.example-clinic.org.")
            .Validate(o => !production || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                "App:PublicBaseUrl is required in Production: every link in an email starts with it.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PatientLinks>();
        return builder;
    }

    public static WebApplication UsePrescriberWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // The API answers an unexpected error with a problem-details 500; pages show the error page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/Error", createScopeForErrors: true));
            app.UseHsts();
        }

        // Pages show a friendly page for 404s; the API keeps its status codes and problem bodies
        // (re-executing a PUT against a page would turn a 404 into a 405). Not in a UseWhen branch:
        // there the re-executed request is not routed again and the 404 went out empty.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (IsApi(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseClinicScope();
        app.UseTwoFactorRequirement();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
