using Prescriber.Data;
using Prescriber.Web;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Features.Admin;
using Prescriber.Web.Features.Jobs;
using Prescriber.Web.Features.Library;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Programs;
using Prescriber.Web.Features.Review;

var builder = WebApplication.CreateBuilder(args);

builder.AddPrescriberData();
builder.AddPrescriberIdentity();
builder.AddPrescriberWeb();
builder.AddLibrary();
builder.AddPrograms();
builder.AddReview();
builder.AddNotifications();
builder.AddPrescriberJobs();

var app = builder.Build();

app.UsePrescriberWeb();
app.UsePrescriberJobs();
app.MapLibraryApi();
app.MapAdminApi();
app.MapPrograms();
app.MapReviewApi();
app.MapNotifications();

app.Run();

/// <summary>Public so the tests can host the real app.</summary>
public partial class Program;
