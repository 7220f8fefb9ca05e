using Prescriber.Data;
using Prescriber.Web;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Features.Library;

var builder = WebApplication.CreateBuilder(args);

builder.AddPrescriberData();
builder.AddPrescriberIdentity();
builder.AddPrescriberWeb();
builder.AddLibrary();

var app = builder.Build();

app.UsePrescriberWeb();
app.MapLibraryApi();

app.Run();

/// <summary>Public so the tests can host the real app.</summary>
public partial class Program;
