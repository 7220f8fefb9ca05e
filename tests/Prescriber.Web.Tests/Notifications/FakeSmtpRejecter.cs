using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// A minimal SMTP server on a loopback port that refuses every recipient with a 550, as a real
/// server does for a mailbox that does not exist. (The aiosmtpd of tests/run.sh accepts all.)
/// </summary>
public sealed class FakeSmtpRejecter : IAsyncDisposable
{
    public const string Reason = "5.1.1 No such mailbox here";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FakeSmtpRejecter()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await TalkAsync(client.GetStream());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TalkAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 rejecter.test ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 rejecter.test");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync($"550 {Reason}");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }
}
