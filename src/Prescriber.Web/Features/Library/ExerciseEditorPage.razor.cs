using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Web.Features.Common;

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
    private FieldErrors _errors = FieldErrors.None;
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
            _errors = new FieldErrors(result.Errors);
            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    Snackbar.Add("Saved.", Severity.Success);
                    Navigation.NavigateTo($"library/{result.Value!.Id}");
                    break;
                case SaveOutcome.Conflict:
                    _conflict = true;
                    break;
                case SaveOutcome.NotFound or SaveOutcome.ReadOnly:
                    Snackbar.Add("This exercise can no longer be edited here.", Severity.Error);
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private bool Has(string field) => _errors.Has(field);

    private string? Message(string field) => _errors.Message(field);
}
