using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriber.Web.Features.Library;

public static class LibraryExtensions
{
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExerciseService>();
        // Enums travel as the same kebab-case words the seed files use ("lying-face-down").
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        return builder;
    }
}
