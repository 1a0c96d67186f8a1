using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// <see cref="TemperingBlock"/> over one rung state type: its states are those <see cref="ThermoSweep.Sample"/> holds at
/// the same rungs after the same step, and it records them the same way, so the blocks together give its bits.
/// </summary>
/// <typeparam name="TState">One rung's batch of chains.</typeparam>
/// <typeparam name="TInfo">The kernel's diagnostics.</typeparam>
internal sealed class TemperingRungs<TState, TInfo> : TemperingBlock
{
    private readonly Run _run;
    private readonly int _step;

    /// <summary>At step 0 the starting states; after it the states of step - 1's kernels, before its exchanges.</summary>
    private readonly TState[] _states;

    /// <summary>One row per recorded sweep so far: rung-major, chain-minor energies (and order parameters).</summary>
    private readonly Seq<double[]> _energyRows;

    private readonly Seq<double[]> _orderRows;

    /// <summary>What does not change from step to step.</summary>
    private sealed record Run(
        RngKey Key, TemperingRecipe<TState, TInfo> Recipe, double[] Ladder, TemperingSettings Settings, RungRange Range,
        KernelStep<TState, TInfo>[] Kernels, int[] Exported);

    private TemperingRungs(Run run, int step, TState[] states, Seq<double[]> energyRows, Seq<double[]> orderRows)
    {
        (_run, _step, _states, _energyRows, _orderRows) = (run, step, states, energyRows, orderRows);
    }

    /// <summary>The block's rungs at their starting states.</summary>
    public static TemperingRungs<TState, TInfo> Open(RngKey key, TemperingRecipe<TState, TInfo> recipe, double[] ladder, TemperingSettings settings, RungRange range)
    {
        var kernels = Enumerable.Range(range.First, range.Count).Select(r => recipe.KernelAtBeta(ladder[r])).ToArray();
        var start = recipe.Init(recipe.Start);
        var run = new Run(key, recipe, ladder, settings, range, kernels, TemperingBlocks.Exported(range, ladder.Length).ToArray());
        return new TemperingRungs<TState, TInfo>(run, 0, Enumerable.Repeat(start, range.Count).ToArray(), Seq<double[]>(), Seq<double[]>());
    }

    public override RungRange Range => _run.Range;

    public override int Step => _step;

    private int Steps => _run.Settings.BurnIn + _run.Settings.Sweeps;

    public override Fin<(TemperingBlock Block, TemperingBlockSweep Sweep)> Advance(int step, int[][]? sources, IReadOnlyList<RungTransfer> imported)
    {
        if (step != _step || step >= Steps)
            return FinFail<(TemperingBlock, TemperingBlockSweep)>(TemperingBlockErrors.BadExchange($"asked for step {step}, expected step {_step} of {Steps}"));
        if (step == 0 && sources is not null)
            return FinFail<(TemperingBlock, TemperingBlockSweep)>(TemperingBlockErrors.BadExchange("step 0 follows no exchanges"));
        if (step > 0 && sources is null)
            return FinFail<(TemperingBlock, TemperingBlockSweep)>(TemperingBlockErrors.BadExchange($"step {step} needs step {step - 1}'s exchanges"));
        var exchanged = step == 0 ? FinSucc(_states) : Exchange(sources!, imported);
        return exchanged.Map(current =>
        {
            var (energyRows, orderRows) = Recorded(current);
            var settings = _run.Settings;
            var stepKey = step < settings.BurnIn ? _run.Key.FoldIn(1).FoldIn(step) : _run.Key.FoldIn(2).FoldIn(step - settings.BurnIn);
            var localKey = stepKey.FoldIn(0);
            var moved = new TState[current.Length];
            for (var i = 0; i < moved.Length; i++) (moved[i], _) = _run.Kernels[i](localKey.FoldIn(_run.Range.First + i), current[i]);
            var recipe = _run.Recipe;
            var exports = _run.Exported.Select(r =>
            {
                var state = moved[r - _run.Range.First];
                return new RungTransfer(r, recipe.ToStates(state), recipe.Energies(state));
            }).ToSeq();
            var reply = new TemperingBlockSweep(moved.Select(recipe.Energies).ToSeq(), exports);
            return ((TemperingBlock)new TemperingRungs<TState, TInfo>(_run, step + 1, moved, energyRows, orderRows), reply);
        });
    }

    public override Fin<TemperingTraces> Finish(int[][] sources, IReadOnlyList<RungTransfer> imported)
    {
        if (_step != Steps)
            return FinFail<TemperingTraces>(TemperingBlockErrors.BadExchange($"asked to finish after step {_step - 1} of {Steps}"));
        return Exchange(sources, imported).Map(current =>
        {
            var (energyRows, orderRows) = Recorded(current);
            var (chains, sweeps) = (_run.Settings.Chains, _run.Settings.Sweeps);
            var energies = Enumerable.Range(0, _run.Range.Count).Select(i => Trace(energyRows, i, chains, sweeps)).ToSeq().Strict();
            var orders = _run.Recipe.Spins ? Enumerable.Range(0, _run.Range.Count).Select(i => Trace(orderRows, i, chains, sweeps)).ToSeq().Strict() : Seq<Mat>();
            return new TemperingTraces(energies, orders);
        });
    }

    /// <summary>The records with <paramref name="current"/> added when the step before it was a recorded sweep.</summary>
    private (Seq<double[]> Energies, Seq<double[]> Orders) Recorded(TState[] current)
    {
        if (_step == 0 || _step - 1 < _run.Settings.BurnIn) return (_energyRows, _orderRows);
        var recipe = _run.Recipe;
        var chains = _run.Settings.Chains;
        var energies = new double[current.Length * chains];
        var orders = recipe.Spins ? new double[current.Length * chains] : [];
        for (var i = 0; i < current.Length; i++)
        {
            var e = recipe.Energies(current[i]);
            for (var c = 0; c < chains; c++)
            {
                energies[i * chains + c] = e[c];
                if (recipe.Spins) orders[i * chains + c] = recipe.Magnetisation(current[i], c);
            }
        }

        return (_energyRows.Add(energies), recipe.Spins ? _orderRows.Add(orders) : _orderRows);
    }

    private static Mat Trace(Seq<double[]> rows, int rung, int chains, int sweeps)
    {
        var data = new double[chains * sweeps];
        var t = 0;
        foreach (var row in rows)
        {
            for (var c = 0; c < chains; c++) data[c * sweeps + t] = row[rung * chains + c];
            t++;
        }

        return Mat.From(chains, sweeps, data);
    }

    /// <summary>
    /// The states after the exchanges: rung r's chain c from rung sources[r][c], gathered as <see cref="Mcmc.Tempering.ParallelTempering"/>
    /// gathers (a rung none of whose chains moved keeps its state), from the block's own rungs and the imported ones.
    /// </summary>
    private Fin<TState[]> Exchange(int[][] sources, IReadOnlyList<RungTransfer> imported)
    {
        var (range, recipe, chains) = (_run.Range, _run.Recipe, _run.Settings.Chains);
        if (sources.Length != range.Count || sources.Any(row => row.Length != chains))
            return FinFail<TState[]>(TemperingBlockErrors.BadExchange($"expected sources for {range.Count} rungs of {chains} chains"));
        var available = new Dictionary<int, TState>();
        for (var i = 0; i < range.Count; i++) available[range.First + i] = _states[i];
        foreach (var transfer in imported)
        {
            if (range.Holds(transfer.Rung) || available.ContainsKey(transfer.Rung))
                return FinFail<TState[]>(TemperingBlockErrors.BadExchange($"rung {transfer.Rung} was received twice or is the block's own"));
            var rebuilt = recipe.FromStates(transfer.States, transfer.Energies);
            if (rebuilt.Case is not TState state) return rebuilt.Map(_ => System.Array.Empty<TState>());
            if (transfer.States.Rows != chains || !SameBits(recipe.Energies(state), transfer.Energies))
                return FinFail<TState[]>(TemperingBlockErrors.BadExchange($"rung {transfer.Rung}'s chains do not rebuild to the energies they were sent with"));
            available[transfer.Rung] = state;
        }

        var next = new TState[range.Count];
        for (var i = 0; i < range.Count; i++)
        {
            var (rung, row) = (range.First + i, sources[i]);
            if (row.All(s => s == rung))
            {
                next[i] = _states[i];
                continue;
            }

            if (row.FirstOrDefault(s => !available.ContainsKey(s), int.MinValue) is var missing and not int.MinValue)
                return FinFail<TState[]>(TemperingBlockErrors.BadExchange($"rung {rung} takes a chain from rung {missing}, which the block neither holds nor received"));
            // The gather reads chain c of the rung it is pointed to, and the shape from the first: the block's own rung first, then the others.
            var list = new List<TState> { _states[i] };
            var index = new Dictionary<int, int> { [rung] = 0 };
            foreach (var s in row.Where(s => s != rung).Distinct())
            {
                index[s] = list.Count;
                list.Add(available[s]);
            }

            next[i] = recipe.Gather(list, c => index[row[c]]);
        }

        return FinSucc(next);
    }

    private static bool SameBits(Vec a, Vec b)
    {
        if (a.Length != b.Length) return false;
        for (var c = 0; c < a.Length; c++)
            if (BitConverter.DoubleToInt64Bits(a[c]) != BitConverter.DoubleToInt64Bits(b[c])) return false;
        return true;
    }
}
