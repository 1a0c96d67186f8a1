using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// Parallel tempering (replica exchange) for any discrete kernel: R copies of each chain at inverse
/// temperatures beta_0 &lt; ... &lt; beta_{R-1}, each moved by the local kernel at its beta, then adjacent
/// rungs exchange configurations (Swendsen and Wang 1986; Geyer 1991; Hukushima and Nemoto 1996).
/// </summary>
/// <remarks>
/// <para>Target: the product prod_r p_{beta_r}(x_r), p_beta ∝ exp(-beta E), E = -log p~. Swapping x_r and
/// x_{r+1} is accepted with probability min(1, exp((beta_r - beta_{r+1})(E(x_r) - E(x_{r+1})))), the
/// Metropolis ratio of the exchanged product, so each swap is reversible with respect to it.</para>
/// <para>One step: the local kernel at every rung, then a swap sweep over the even pairs (0,1), (2,3), ...
/// and one over the odd pairs (1,2), (3,4), .... Pairs of one sweep are disjoint, so each sweep is a
/// product of commuting reversible swaps and is reversible; the deterministic even-odd alternation makes
/// the whole step non-reversible, which lets replicas travel the ladder ballistically rather than
/// diffusively (Okabe et al. 2001; Syed, Bouchard-Côté, Deligiannidis and Doucet 2022). The step leaves
/// the product distribution invariant; it is not reversible.</para>
/// <para>Keys: the local kernel at rung r gets <c>key.FoldIn(0).FoldIn(r)</c>; chain c's swaps use
/// <c>key.FoldIn(1).FoldIn(c)</c>, uniform r for the pair (r, r+1): results do not depend on thread count.</para>
/// <para>A NaN swap exponent is a rejection counted in <see cref="TemperingInfo{TInfo}.NanRejections"/>.</para>
/// </remarks>
/// <example><code>
/// var betas = Ladder.Geometric(0.05, 1.0, 8).Match(b =&gt; b, e =&gt; throw new ArgumentException(e.Message));
/// var pt = ParallelTempering.Create(b =&gt; HeatBathGibbs.BuildKernel(model, b, ScanOrder.Systematic), model, betas);
/// var (last, trace) = Loop.Scan(key, pt.Init(starts), 2000, pt.Step, (s, info) =&gt; info.MeanSwapRates);
/// var rates = Enumerable.Range(0, betas.Count - 1).Select(p =&gt; trace.Average(r =&gt; r[p])).ToArray();
/// var better = Ladder.Adapt(betas, rates);   // rungs moved toward equal swap rates
/// </code></example>
public static class ParallelTempering
{
    /// <summary>The name in reports.</summary>
    public const string Name = "pt";

    /// <summary>A parallel-tempering sampler over <paramref name="betas"/> with the discrete local kernel <paramref name="kernelAtBeta"/>.</summary>
    /// <param name="kernelAtBeta">The local kernel at a given beta (built once per rung).</param>
    /// <param name="model">The model, for the energies of the starting states.</param>
    /// <param name="betas">At least two strictly increasing finite betas &gt;= 0 (see <see cref="Ladder"/>).</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains in the swap sweeps (-1: all); results do not depend on it.</param>
    /// <returns>A sampler whose Init puts the same C starting states at every rung.</returns>
    /// <exception cref="ArgumentException">The betas are not a valid ladder (validate user input with <see cref="Ladder"/>).</exception>
    public static Sampler<Mat, TemperingState<DiscreteChains>, TemperingInfo<TInfo>> Create<TInfo>(
        Func<double, KernelStep<DiscreteChains, TInfo>> kernelAtBeta, IDiscreteModel model, IReadOnlyList<double> betas,
        int maxDegreeOfParallelism = -1) =>
        Create(kernelAtBeta, states => DiscreteInit(model, states), betas, s => s.Energies, ChainGathers.Discrete, maxDegreeOfParallelism);

    /// <summary>
    /// Parallel tempering over any batched kernel: continuous chains (HMC, MALA, ...), Ising lattice chains
    /// (checkerboard, cluster moves), RBM chains (block Gibbs) or discrete chains.
    /// </summary>
    /// <param name="kernelAtBeta">The local kernel at a given beta (built once per rung).</param>
    /// <param name="init">Builds one rung's state from the C starting positions (the same at every rung).</param>
    /// <param name="betas">At least two strictly increasing finite betas &gt;= 0 (see <see cref="Ladder"/>).</param>
    /// <param name="energies">The cached energies E of a state, one per chain.</param>
    /// <param name="gather">How to move chains between rungs (<see cref="ChainGathers"/> has one per state type).</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains in the swap sweeps (-1: all); results do not depend on it.</param>
    /// <exception cref="ArgumentException">The betas are not a valid ladder.</exception>
    public static Sampler<Mat, TemperingState<TState>, TemperingInfo<TInfo>> Create<TState, TInfo>(
        Func<double, KernelStep<TState, TInfo>> kernelAtBeta, Func<Mat, TState> init, IReadOnlyList<double> betas,
        Func<TState, Vec> energies, ChainGather<TState> gather, int maxDegreeOfParallelism = -1)
    {
        Ladder.Validate(betas).Match(_ => { }, e => throw new ArgumentException(e.Message, nameof(betas)));
        var ladder = betas.ToArray();
        var kernels = ladder.Select(kernelAtBeta).ToArray();
        return new Sampler<Mat, TemperingState<TState>, TemperingInfo<TInfo>>(
            Name,
            states =>
            {
                var start = init(states);
                return new TemperingState<TState>(Enumerable.Repeat(start, ladder.Length).ToSeq(), ReplicaTracking.Start(states.Rows, ladder.Length));
            },
            (key, state) => Step(kernels, ladder, energies, gather, maxDegreeOfParallelism, key, state));
    }

    private static DiscreteChains DiscreteInit(IDiscreteModel model, Mat states)
    {
        if (states.Columns != model.Dimension)
            throw new ArgumentException($"states have {states.Columns} columns, the model has {model.Dimension} units", nameof(states));
        return new DiscreteChains(states, model.Energies(states));
    }

    private static (TemperingState<TState>, TemperingInfo<TInfo>) Step<TState, TInfo>(
        KernelStep<TState, TInfo>[] kernels, double[] betas, Func<TState, Vec> energies, ChainGather<TState> gather,
        int maxDegreeOfParallelism, RngKey key, TemperingState<TState> state)
    {
        var rungCount = betas.Length;
        var localKey = key.FoldIn(0);
        var moved = new TState[rungCount];
        var infos = new TInfo[rungCount];
        for (var r = 0; r < rungCount; r++) (moved[r], infos[r]) = kernels[r](localKey.FoldIn(r), state.Rungs[r]);

        var swapped = ReplicaSwaps.Sweep(key.FoldIn(1), betas, moved.Select(energies).ToArray(), state.Replicas, maxDegreeOfParallelism);
        var next = new TState[rungCount];
        for (var r = 0; r < rungCount; r++)
        {
            var sources = swapped.SourceRung[r];
            next[r] = sources.Select((s, c) => s == r).All(same => same) ? moved[r] : gather(moved, c => sources[c]);
        }

        var info = new TemperingInfo<TInfo>(swapped.AcceptanceRates, swapped.Probabilities, swapped.Accepted, swapped.NanRejections, infos.ToSeq());
        return (new TemperingState<TState>(next.ToSeq(), swapped.Replicas), info);
    }
}
