using System.Net;
using System.Net.Sockets;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// A TCP relay in front of the tests' real SMTP server that lets at most <c>max</c> connections
/// through at a time and answers any more as a busy server does ("421 too many connections"),
/// counting both: how many connections a dispatch run opens, and what it does when refused.
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _host;
    private readonly int _port;
    private readonly int _max;
    private readonly Task _accepting;
    private int _open;
    private int _passed;
    private int _refused;

    public SmtpGate(string host, int port, int max)
    {
        _host = host;
        _port = port;
        _max = max;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections relayed to the server.</summary>
    public int Passed => Volatile.Read(ref _passed);

    /// <summary>Connections answered with 421.</summary>
    public int Refused => Volatile.Read(ref _refused);

    private async Task AcceptAsync()
    {
        var relays = new List<Task>();
        try
        {
            while (true)
            {
                relays.Add(RelayAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(relays);
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        if (Interlocked.Increment(ref _open) > _max)
        {
            Interlocked.Decrement(ref _open);
            Interlocked.Increment(ref _refused);
            await stream.WriteAsync("421 4.7.0 Too many connections from your host, try again later\r\n"u8.ToArray());
            return;
        }

        Interlocked.Increment(ref _passed);
        try
        {
            using var server = new TcpClient();
            await server.ConnectAsync(_host, _port, _stop.Token);
            var upstream = server.GetStream();
            // Either side closing ends the relay (the server closes after QUIT's reply).
            await Task.WhenAny(stream.CopyToAsync(upstream, _stop.Token), upstream.CopyToAsync(stream, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // A connection cut mid-way: the client sees it as a failed send.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
