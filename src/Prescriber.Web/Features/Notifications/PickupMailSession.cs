using MimeKit;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// The embedded default: each message becomes an .eml file named after its Message-ID, so writing
/// the same row again replaces the file rather than adding a second email.
/// </summary>
public sealed class PickupMailSession(string folder) : IMailSession
{
    public bool IsUsable => true;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())) + ".eml";
        var path = Path.Combine(folder, name);
        // Written aside, then moved: a reader never sees half a message.
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
