using Microsoft.AspNetCore.Components;
using MudBlazor;
using Prescriber.Core.Notifications;

namespace Prescriber.Web.Features.Notifications;

public partial class OutboxPage : ComponentBase
{
    private MudDataGrid<OutboxRow>? _grid;
    private OutboxStatus? _status;
    private OutboxMessage? _viewed;

    private async Task<GridData<OutboxRow>> LoadAsync(GridState<OutboxRow> state, CancellationToken cancellationToken)
    {
        var (rows, total) = await Outbox.ListAsync(_status, state.Page, state.PageSize, cancellationToken);
        return new GridData<OutboxRow> { Items = rows, TotalItems = total };
    }

    private async Task StatusChanged(OutboxStatus? status)
    {
        _status = status;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task ViewAsync(Guid id) => _viewed = await Outbox.FindAsync(id);

    private async Task RetryAsync(Guid id)
    {
        if (await Outbox.RetryAsync(id))
        {
            Dispatch.DispatchSoon();
            Snackbar.Add("The message will be sent again.", Severity.Success);
        }
        else
        {
            Snackbar.Add("The message is no longer failed.", Severity.Info);
        }

        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private static Color ColorOf(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        OutboxStatus.Sending => Color.Info,
        _ => Color.Default,
    };
}
