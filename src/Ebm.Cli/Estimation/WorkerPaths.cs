using System.Text.Json;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// What the block work of <c>ebm logz</c> shares on both sides of the wire: the request as it travels (with --data, the base-rate biases read here in place of the file), and on a worker the path of the
/// run, rebuilt from the model file and the request once per run and kept for the run's other blocks (a path is an
/// immutable value, so blocks may run on it at the same time).
/// </summary>
internal static class WorkerPaths
{
    private static readonly Lock Gate = new();
    private static (string Key, Pack Pack)? _last;

    /// <summary>The request as it travels to a worker: with --data, the base-rate biases read from the file here instead of its path.</summary>
    public static Fin<LogzRequest> Shipped(IEnergyModel model, LogzRequest request) =>
        request.DataPath is { } path && model is BernoulliRbm rbm
            ? DataBaseRate.VisibleBias(rbm, path).Map(bias => request with { DataPath = null, BaseRateBias = bias.Span.ToArray() })
            : FinSucc(request);

    /// <summary>Runs <paramref name="user"/> on the path of the model file and the request: the last one built when both are the same, else a new one.</summary>
    public static Fin<T> Use<T>(string model, LogzRequest request, IPathUser<T> user)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(model + "\n" + JsonSerializer.Serialize(request, WorkCodec<LogzRequest>.Options))));
        Fin<Pack> pack;
        lock (Gate)
        {
            if (_last is { } last && last.Key == key) pack = FinSucc(last.Pack);
            else
            {
                pack =
                    from parsed in ModelFile.Parse(model)
                    from built in PathCatalog.With(parsed, request, new Packer(), null)
                    select built;
                pack.IfSucc(p => _last = (key, p));
            }
        }

        return pack.Bind(p => p.Use(user));
    }

    /// <summary>A path pack of some particle type, usable by any path user.</summary>
    private abstract class Pack
    {
        public abstract Fin<T> Use<T>(IPathUser<T> user);
    }

    private sealed class Pack<TState>(PathPack<TState> pack) : Pack
    {
        public override Fin<T> Use<T>(IPathUser<T> user) => user.Use(pack);
    }

    private sealed class Packer : IPathUser<Pack>
    {
        public Fin<Pack> Use<TState>(PathPack<TState> pack) => FinSucc<Pack>(new Pack<TState>(pack));
    }
}
