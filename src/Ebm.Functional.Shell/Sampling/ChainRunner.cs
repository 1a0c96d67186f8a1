using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// Runs a batched sampler from a seed: the shell's side of sampling (seed to key, burn-in, thinning,
/// recording, progress). The chains themselves are one batched state; kernels give chain c the key
/// <c>stepKey.FoldIn(c)</c>, so the run is bit-identical for any number of threads.
/// </summary>
/// <remarks>
/// <para>Keys: root = RngKey.FromSeed(seed); root.FoldIn(0) drives burn-in, root.FoldIn(1) the kept phase,
/// and step t of a phase uses phaseKey.FoldIn(t) (as <see cref="Loop.Scan{TState,TInfo,TObservation}"/> does).
/// Starting positions are the caller's (draw them from another key of the same seed, e.g. root.FoldIn(2)).</para>
/// <para>Memory: the run keeps what the diagnostics need, the energy and the observables of every chain at every
/// kept step (<see cref="ChainTraces.Bytes"/>), and never a kept state; a caller that wants the states (to write
/// them out) passes a sink, which sees each kept state once, as it is produced, and may keep what it likes.</para>
/// <example><code>
/// var settings = RunSettings.Create(steps: 1000, burnIn: 100).Match(s =&gt; s, e =&gt; throw ...);
/// var run = ChainRunner.Run(seed: 42, sampler, start, settings, s =&gt; s.Energies,
///     observables: s =&gt; Observables.Evaluate(list, s.States), sink: (t, s) =&gt; WriteRows(t, s.States));
/// </code></example>
/// </remarks>
public static class ChainRunner
{
    /// <summary>Key of the burn-in phase.</summary>
    public static RngKey BurnInKey(ulong seed) => RngKey.FromSeed(seed).FoldIn(0);

    /// <summary>Key of the kept phase.</summary>
    public static RngKey SamplingKey(ulong seed) => RngKey.FromSeed(seed).FoldIn(1);

    /// <summary>Key for drawing starting positions.</summary>
    public static RngKey StartKey(ulong seed) => RngKey.FromSeed(seed).FoldIn(2);

    /// <summary>
    /// Burn-in, then <see cref="RunSettings.Steps"/> steps keeping every <see cref="RunSettings.Thin"/>-th: records
    /// <paramref name="energies"/> and <paramref name="observables"/> (chains x k, the same k at every step) of each
    /// kept state and hands the state to <paramref name="sink"/> with its kept-step index. Progress covers both phases.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The traces would not fit one array (<see cref="ChainTraces.Fit"/>: check it first).</exception>
    public static ChainRun<TState> Run<TPosition, TState, TInfo>(
        ulong seed, Sampler<TPosition, TState, TInfo> sampler, TPosition start, RunSettings settings,
        Func<TState, Vec> energies, Func<TState, Mat>? observables = null, Action<int, TState>? sink = null,
        IProgress<double>? progress = null)
        where TInfo : IAcceptanceInfo
    {
        var total = (double)settings.BurnIn + settings.Steps;
        var state = sampler.Init(start);
        if (settings.BurnIn > 0)
            state = Loop.Run(BurnInKey(seed), state, settings.BurnIn, sampler.Step,
                progress is null ? null : new Progress(p => progress.Report(p * settings.BurnIn / total)));

        var chains = energies(state).Length;
        var count = observables?.Invoke(state).Columns ?? 0;
        var kept = settings.Kept;
        if (!ChainTraces.Fit(chains, kept, count))
            throw new ArgumentOutOfRangeException(nameof(settings), $"{chains} chains x {kept} kept steps x {1 + count} traces exceed one array");
        var acceptance = new double[chains];
        var step = Kernels.Thin(sampler.Step, settings.Thin);
        var key = SamplingKey(seed);
        var reportEvery = Math.Max(1, kept / 100);
        // The chains run inside the filler so the block is published without a copy: the traces are the only
        // memory of the run that grows with the number of steps.
        var values = Mat.Create((1 + count) * chains, kept, trace =>
        {
            for (var t = 0; t < kept; t++)
            {
                (state, var info) = step(key.FoldIn(t), state);
                Record(trace, t, kept, chains, energies(state), observables?.Invoke(state), count);
                for (var c = 0; c < chains; c++) acceptance[c] += info.AcceptanceRates[c] / kept;
                sink?.Invoke(t, state);
                if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == kept))
                    progress.Report((settings.BurnIn + (t + 1.0) / kept * settings.Steps) / total);
            }
        });
        return new ChainRun<TState>(seed, state, new ChainTraces(chains, count, values), Vec.From(acceptance));
    }

    /// <summary>Writes kept step <paramref name="t"/> into column t of every trace.</summary>
    private static void Record(Span<double> trace, int t, int kept, int chains, Vec energies, Mat? observables, int count)
    {
        if (energies.Length != chains) throw new InvalidOperationException($"the energies have {energies.Length} chains, expected {chains}");
        for (var c = 0; c < chains; c++) trace[c * kept + t] = energies[c];
        if (observables is null) return;
        if (observables.Rows != chains || observables.Columns != count)
            throw new InvalidOperationException($"the observables are {observables.Rows} x {observables.Columns}, expected {chains} x {count}");
        for (var j = 0; j < count; j++)
            for (var c = 0; c < chains; c++)
                trace[((1 + j) * chains + c) * kept + t] = observables[c, j];
    }

    /// <summary>Forwards scaled progress synchronously (System.Progress would post to a thread pool).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
