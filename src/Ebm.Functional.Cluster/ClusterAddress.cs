using System.Net;
using System.Net.Sockets;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>A HOST:PORT address of a worker (its silo port) or of a cluster's gateway.</summary>
/// <param name="Host">The host name or IP address as given.</param>
/// <param name="Port">The port, 1..65535.</param>
public sealed record ClusterAddress(string Host, int Port)
{
    /// <summary>The address as HOST:PORT.</summary>
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Reads HOST:PORT (an IPv6 host in brackets), or an error naming <paramref name="option"/>.</summary>
    /// <param name="option">The option or field the text came from, for the message.</param>
    /// <param name="text">The text.</param>
    public static Fin<ClusterAddress> Parse(string option, string text)
    {
        var trimmed = text.Trim();
        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0 || colon == trimmed.Length - 1) return FinFail<ClusterAddress>(ClusterErrors.BadAddress(option, text, "expected a host, a colon and a port"));
        var host = trimmed[..colon].Trim('[', ']');
        var portText = trimmed[(colon + 1)..];
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return FinFail<ClusterAddress>(ClusterErrors.BadAddress(option, text, $"the port \"{portText}\" is not a number in 1..65535"));
        if (host.Length == 0 || host.Any(char.IsWhiteSpace)) return FinFail<ClusterAddress>(ClusterErrors.BadAddress(option, text, "the host is empty or holds spaces"));
        return FinSucc(new ClusterAddress(host, port));
    }

    /// <summary>The address's IP endpoint: the host as an IP address, or its first IPv4 (else any) address from DNS.</summary>
    /// <param name="option">The option the address came from, for the message.</param>
    public Fin<IPEndPoint> Resolve(string option)
    {
        if (IPAddress.TryParse(Host, out var ip)) return FinSucc(new IPEndPoint(ip, Port));
        try
        {
            var addresses = Dns.GetHostAddresses(Host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null
                ? FinFail<IPEndPoint>(ClusterErrors.BadAddress(option, ToString(), $"the host {Host} has no address"))
                : FinSucc(new IPEndPoint(chosen, Port));
        }
        catch (SocketException e)
        {
            return FinFail<IPEndPoint>(ClusterErrors.BadAddress(option, ToString(), $"the host {Host} is not known ({e.Message})"));
        }
    }
}
