using Prescriber.Data;
using Prescriber.Web;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Features.Jobs;
using Prescriber.Web.Features.Library;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Programs;

var builder = WebApplication.CreateBuilder(args);

builder.AddPrescriberData();
builder.AddPrescriberIdentity();
builder.AddPrescriberWeb();
builder.AddLibrary();
builder.AddPrograms();
builder.AddNotifications();
builder.AddPrescriberJobs();

var app = builder.Build();

app.UsePrescriberWeb();
app.UsePrescriberJobs();
app.MapLibraryApi();
app.MapPrograms();
app.MapNotifications();

app.Run();

/// <summary>Public so the tests can host the real app.</summary>
public partial class Program;
