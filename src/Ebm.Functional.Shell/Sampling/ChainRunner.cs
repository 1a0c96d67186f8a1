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
/// Keys: root = RngKey.FromSeed(seed); root.FoldIn(0) drives burn-in, root.FoldIn(1) the kept phase,
/// and step t of a phase uses phaseKey.FoldIn(t) (<see cref="Loop.Scan{TState,TInfo,TObservation}"/>).
/// Starting positions are the caller's (draw them from another key of the same seed, e.g. root.FoldIn(2)).
/// <example><code>
/// var settings = RunSettings.Create(steps: 1000, burnIn: 100).Match(s =&gt; s, e =&gt; throw ...);
/// var run = ChainRunner.Run(seed: 42, sampler, start, settings, s =&gt; s.Energies, s =&gt; s.States);
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
    /// Burn-in, then <see cref="RunSettings.Steps"/> steps keeping every <see cref="RunSettings.Thin"/>-th:
    /// records <paramref name="energies"/> and <paramref name="samples"/> of each kept state. Progress covers
    /// both phases.
    /// </summary>
    public static ChainRun<TState> Run<TPosition, TState, TInfo>(
        ulong seed, Sampler<TPosition, TState, TInfo> sampler, TPosition start, RunSettings settings,
        Func<TState, Vec> energies, Func<TState, Mat> samples, IProgress<double>? progress = null)
        where TInfo : IAcceptanceInfo
    {
        var total = (double)settings.BurnIn + settings.Steps;
        var state = sampler.Init(start);
        if (settings.BurnIn > 0)
            state = Loop.Run(BurnInKey(seed), state, settings.BurnIn, sampler.Step,
                progress is null ? null : new Progress(p => progress.Report(p * settings.BurnIn / total)));

        var step = Kernels.Thin(sampler.Step, settings.Thin);
        var (final, trace) = Loop.Scan(SamplingKey(seed), state, settings.Kept, step,
            (s, info) => (Energies: energies(s), Sample: samples(s), Acceptance: info.AcceptanceRates),
            progress is null ? null : new Progress(p => progress.Report((settings.BurnIn + p * settings.Steps) / total)));

        var chains = trace.Length == 0 ? 0 : trace[0].Energies.Length;
        var energyTrace = Mat.Create(trace.Length, chains, d =>
        {
            for (var t = 0; t < trace.Length; t++) trace[t].Energies.Span.CopyTo(d.Slice(t * chains, chains));
        });
        var acceptance = Vec.Create(chains, d =>
        {
            foreach (var t in trace)
                for (var c = 0; c < chains; c++) d[c] += t.Acceptance[c] / trace.Length;
        });
        return new ChainRun<TState>(seed, final, energyTrace, trace.Select(t => t.Sample).ToArray(), acceptance);
    }

    /// <summary>Forwards scaled progress synchronously (System.Progress would post to a thread pool).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
