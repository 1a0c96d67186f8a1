using System.Text.Json;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// Wang-Landau walkers as work for an executor (<see cref="WangLandau.RunWalker"/>): on this machine the walkers run
/// side by side as <see cref="WangLandau.Run"/> runs them; on a cluster each walker is a one-thread block, a worker takes
/// as many at once as it has cores, and <see cref="WangLandau.Combine"/> makes them, in order, into the same density,
/// bit for bit (<c>ebm dos --cluster</c>, <c>ebm thermo --method wang-landau --cluster</c>).
/// </summary>
internal static class WalkerWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "thermo.wang-landau-walker";

    /// <summary>The kind a worker registers.</summary>
    public static WorkKind<WalkerInput, WangLandauWalker> Kind { get; } = new(Name, Walk,
        WorkCodec<WalkerInput>.Json("a Wang-Landau walker's input"),
        new WorkCodec<WangLandauWalker>(w => WorkCodec<Wire>.Json("").Write(Wire.Of(w)), text => WorkCodec<Wire>.FromJson(text, "a Wang-Landau walker's result").Bind(w => w.ToWalker())))
    {
        SingleThreaded = true,
    };

    /// <summary>The density of states: <see cref="WangLandau.Run"/> on this machine, walker by walker through <paramref name="executor"/> on a cluster.</summary>
    public static Fin<DensityOfStates> Run(IExecutor executor, RngKey key, IEnergyModel model, WangLandauSettings settings, IProgress<double>? progress)
    {
        if (executor is LocalExecutor) return WangLandau.Run(key, model, settings, progress);
        var text = ModelFile.Serialize(model);
        var grid = settings.Grid.MatchUnsafe(g => new[] { Bits(g.Minimum), Bits(g.Spacing), g.Count }, () => (long[]?)null);
        var inputs = Enumerable.Range(0, settings.Walkers).Select(w => new WalkerInput(text, Bits(settings.Flatness), Bits(settings.InitialLogF),
            Bits(settings.FinalLogF), settings.CheckEverySweeps, settings.MaxSweeps, settings.Walkers, grid, key.K0, key.K1, w)).ToArray();
        return executor.Map(Kind, inputs, progress).Bind(walkers => WangLandau.Combine(model, settings, walkers));
    }

    private static Fin<WangLandauWalker> Walk(WalkerInput input, IProgress<double>? progress) =>
        from model in ModelFile.Parse(input.Model)
        from grid in input.Grid is { Length: 3 } g
            ? EnergyGrid.Create(Double(g[0]), Double(g[1]), (int)g[2]).Match(x => FinSucc(Some(x)), errors => FinFail<Option<EnergyGrid>>(Error.Many(errors)))
            : FinSucc(Option<EnergyGrid>.None)
        let settings = new WangLandauSettings
        {
            Flatness = Double(input.Flatness), InitialLogF = Double(input.InitialLogF), FinalLogF = Double(input.FinalLogF),
            CheckEverySweeps = input.CheckEverySweeps, MaxSweeps = input.MaxSweeps, Walkers = input.Walkers, Grid = grid, MaxDegreeOfParallelism = 1,
        }
        from walker in WangLandau.RunWalker(new RngKey(input.Key0, input.Key1), model, settings, input.Walker, progress)
        select walker;

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static double Double(long bits) => BitConverter.Int64BitsToDouble(bits);

    /// <summary>A walker on the wire: ln g as base64 of its doubles' bytes, the visited bins as a string of 0s and 1s.</summary>
    private sealed record Wire(int Walker, string LogG, string Visited, long Trials, long LogF)
    {
        public static Wire Of(WangLandauWalker w) => new(w.Walker, Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(w.LogG.Span)),
            new string(w.Visited.Select(v => v ? '1' : '0').ToArray()), w.Trials, Bits(w.LogF));

        public Fin<WangLandauWalker> ToWalker()
        {
            try
            {
                var logG = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(Convert.FromBase64String(LogG)).ToArray();
                return FinSucc(new WangLandauWalker(Walker, Vec.Of(logG), Visited.Select(c => c == '1').ToArray(), Trials, Double(LogF)));
            }
            catch (FormatException e)
            {
                return FinFail<WangLandauWalker>(ExecutionErrors.BadMessage("a Wang-Landau walker's result", e.Message));
            }
        }
    }
}
