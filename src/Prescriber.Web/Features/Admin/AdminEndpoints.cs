using Prescriber.Core.Clinics;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/clinics").RequireAuthorization(policy => policy.RequireRole(Roles.Admin)).WithTags("Admin");
        group.MapGet("/", async (ClinicAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        group.MapPost("/", async (NewClinic input, ClinicAdmin admin, CancellationToken ct) =>
            (await admin.CreateClinicAsync(input, ct)).ToHttp(c => $"/api/admin/clinics/{c.Id}", c => new { c.Id, c.Name, c.TimeZone }));
        group.MapPost("/{id:guid}/clinicians", async (Guid id, NewClinician input, ClinicAdmin admin, CancellationToken ct) =>
            (await admin.AddClinicianAsync(id, input, ct)).ToHttp(u => $"/api/admin/clinics/{id}", u => new { u.Id, u.Email, u.DisplayName }));
        group.MapPut("/{id:guid}/two-factor", async (Guid id, TwoFactorRequirementInput input, ClinicAdmin admin, CancellationToken ct) =>
            (await admin.RequireTwoFactorAsync(id, input.Required, ct)).ToHttp(body: c => new { c.Id, c.RequireTwoFactor }));
        return app;
    }
}
