using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

public sealed partial class ExerciseEditorPage
{
    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private ExerciseService Exercises { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private ExerciseForm _model = new();
    private IReadOnlyList<ValidationError> _errors = [];
    private bool _conflict;
    private bool _saving;

    protected override async Task OnParametersSetAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        var exercise = await Exercises.FindAsync(id);
        if (exercise is null || !exercise.IsCustom)
        {
            // Another clinic's exercise, or a shared library one: neither is this clinic's to edit.
            Navigation.NotFound();
            return;
        }

        _model = ExerciseForm.From(ExerciseDraft.From(exercise));
    }

    private async Task Save()
    {
        _saving = true;
        _conflict = false;
        try
        {
            var draft = _model.ToDraft();
            var result = Id is { } id ? await Exercises.UpdateAsync(id, draft) : await Exercises.CreateAsync(draft);
            _errors = result.Errors;
            switch (result.Outcome)
            {
                case ExerciseSaveOutcome.Saved:
                    Snackbar.Add("Saved.", Severity.Success);
                    Navigation.NavigateTo($"library/{result.Exercise!.Id}");
                    break;
                case ExerciseSaveOutcome.Conflict:
                    _conflict = true;
                    break;
                case ExerciseSaveOutcome.NotFound or ExerciseSaveOutcome.ReadOnly:
                    Snackbar.Add("This exercise can no longer be edited here.", Severity.Error);
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private bool Has(string field) => _errors.Any(e => Matches(e, field));

    private string? Message(string field) =>
        _errors.Where(e => Matches(e, field)).Select(e => Describe(e, field)).FirstOrDefault();

    // "steps[2]" belongs to the steps box: say which line, counting from one as people do.
    private static bool Matches(ValidationError error, string field) =>
        error.Field == field || error.Field.StartsWith(field + "[", StringComparison.Ordinal) || error.Field.StartsWith(field + ".", StringComparison.Ordinal);

    private static string Describe(ValidationError error, string field)
    {
        if (error.Field == field)
        {
            return Capitalise(error.Message);
        }

        var rest = error.Field[field.Length..];
        var index = rest.StartsWith('[') && int.TryParse(rest[1..rest.IndexOf(']')], out var i) ? i + 1 : (int?)null;
        return index is null ? Capitalise(error.Message) : $"Line {index}: {error.Message}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
