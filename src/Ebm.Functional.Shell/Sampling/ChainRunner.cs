using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

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
/// <para>Memory: the run keeps what the diagnostics need, a few per-chain scalars of every chain at every kept step
/// (the energy and the observables, or the caller's named <see cref="ChainScalar{TState}"/>s; <see cref="ChainTraces.Bytes"/>),
/// and never a kept state; a caller that wants the states (to write them out) passes a sink, which sees each kept state
/// once, as it is produced, and may keep what it likes.</para>
/// <para>Any kernel runs, composed ones included (<see cref="Kernels"/>): the info needs no interface, and the acceptance
/// rates come from infos that report them. A caller that wants more of the infos (NUTS tree depths, divergences) passes a
/// visitor, which sees each kept step's info once, with the kept-step index, as <see cref="Loop"/>'s visit does.</para>
/// <example><code>
/// Fin&lt;double&gt; rHat = RunSettings.Create(steps: 1000, burnIn: 100).Match(
///     Succ: settings =&gt; ChainRunner.Run(seed: 42, sampler, start, settings,
///             [new ChainScalar&lt;IsingChains&gt;("energy", s =&gt; s.Energies), new("magnetisation", Magnetisation)])
///         .Traces.ByName("magnetisation").Bind(RHat.Split),
///     Fail: errors =&gt; FinFail&lt;double&gt;(errors.Head));
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
    /// Any kernel runs: the acceptance rates are read from infos that report them (<see cref="IAcceptanceInfo"/>, composed
    /// kernels' infos included). <paramref name="visit"/>, when given, sees each kept step's info with its kept-step index
    /// (with thinning, the info of the step that was kept).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The traces would not fit one array (<see cref="ChainTraces.Fit"/>: check it first).</exception>
    public static ChainRun<TState> Run<TPosition, TState, TInfo>(
        ulong seed, Sampler<TPosition, TState, TInfo> sampler, TPosition start, RunSettings settings,
        Func<TState, Vec> energies, Func<TState, Mat>? observables = null, Action<int, TState>? sink = null,
        IProgress<double>? progress = null, Action<int, TInfo>? visit = null)
    {
        ArgumentNullException.ThrowIfNull(energies);
        return Drive(seed, sampler, start, settings, [new ChainScalar<TState>("energy", energies)], observables, sink, progress, visit);
    }

    /// <summary>
    /// As the run above, tracing the named per-chain <paramref name="scalars"/> (at least one: the energy, the
    /// magnetisation, a coordinate ...) of every kept state: quantity q of <see cref="ChainRun{TState}.Traces"/> is
    /// scalar q, and <see cref="ChainTraces.ByName"/> finds it by name, chains x kept steps, the layout the diagnostics take.
    /// The states are recorded only by a <paramref name="sink"/>, and the infos seen only by a <paramref name="visit"/>, when given.
    /// </summary>
    /// <exception cref="ArgumentException">No scalar, or an empty or repeated name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The traces would not fit one array (<see cref="ChainTraces.Fit"/>: check it first).</exception>
    public static ChainRun<TState> Run<TPosition, TState, TInfo>(
        ulong seed, Sampler<TPosition, TState, TInfo> sampler, TPosition start, RunSettings settings,
        IReadOnlyList<ChainScalar<TState>> scalars, Action<int, TState>? sink = null, IProgress<double>? progress = null,
        Action<int, TInfo>? visit = null)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        if (scalars.Count == 0) throw new ArgumentException("a run traces at least one scalar", nameof(scalars));
        if (scalars.Any(s => string.IsNullOrWhiteSpace(s.Name)))
            throw new ArgumentException("every traced scalar needs a name", nameof(scalars));
        if (scalars.Select(s => s.Name).Distinct().Count() != scalars.Count)
            throw new ArgumentException($"the traced scalars' names repeat: {string.Join(", ", scalars.Select(s => s.Name))}", nameof(scalars));
        return Drive(seed, sampler, start, settings, [.. scalars], null, sink, progress, visit);
    }

    /// <summary>
    /// The run: quantity q &lt; scalars.Length is scalars[q], then the columns of <paramref name="block"/>; the acceptance
    /// rates are the mean over the kept steps whose infos report them (empty when none does).
    /// </summary>
    private static ChainRun<TState> Drive<TPosition, TState, TInfo>(
        ulong seed, Sampler<TPosition, TState, TInfo> sampler, TPosition start, RunSettings settings,
        ChainScalar<TState>[] scalars, Func<TState, Mat>? block, Action<int, TState>? sink, IProgress<double>? progress,
        Action<int, TInfo>? visit)
    {
        var total = (double)settings.BurnIn + settings.Steps;
        var state = sampler.Init(start);
        if (settings.BurnIn > 0)
            state = Loop.Run(BurnInKey(seed), state, settings.BurnIn, sampler.Step,
                progress is null ? null : new Progress(p => progress.Report(p * settings.BurnIn / total)));

        var chains = scalars[0].PerChain(state).Length;
        var columns = block?.Invoke(state).Columns ?? 0;
        var count = scalars.Length - 1 + columns;
        var kept = settings.Kept;
        if (!ChainTraces.Fit(chains, kept, count))
            throw new ArgumentOutOfRangeException(nameof(settings), $"{chains} chains x {kept} kept steps x {1 + count} traces exceed one array");
        var acceptance = new double[chains];
        var reported = 0;
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
                for (var q = 0; q < scalars.Length; q++) Record(trace, t, kept, chains, q, scalars[q], state);
                if (block is not null) Record(trace, t, kept, chains, scalars.Length, block(state), columns);
                if (info is IAcceptanceInfo reports && Accumulate(acceptance, reports.AcceptanceRates, kept)) reported++;
                visit?.Invoke(t, info);
                sink?.Invoke(t, state);
                if (progress is not null && ((t + 1) % reportEvery == 0 || t + 1 == kept))
                    progress.Report((settings.BurnIn + (t + 1.0) / kept * settings.Steps) / total);
            }
        });
        var traces = new ChainTraces(chains, count, values)
        {
            Names = block is null ? scalars.Select(s => s.Name).ToSeq() : default,
        };
        return new ChainRun<TState>(seed, state, traces, MeanAcceptance(acceptance, reported, kept));
    }

    /// <summary>Adds one kept step's rates, each divided by the kept steps; false when the info reports none (empty rates).</summary>
    private static bool Accumulate(double[] acceptance, Vec rates, int kept)
    {
        if (rates.Length == 0) return false;
        if (rates.Length != acceptance.Length)
            throw new InvalidOperationException($"the kernel reports acceptance for {rates.Length} chains, expected {acceptance.Length}");
        for (var c = 0; c < acceptance.Length; c++) acceptance[c] += rates[c] / kept;
        return true;
    }

    /// <summary>The mean over the reporting kept steps: the sums of rate / kept rescaled when only some steps reported.</summary>
    private static Vec MeanAcceptance(double[] acceptance, int reported, int kept) =>
        reported == kept ? Vec.From(acceptance)
        : reported == 0 ? Vec.Empty
        : Vec.Create(acceptance.Length, d =>
        {
            for (var c = 0; c < d.Length; c++) d[c] = acceptance[c] * kept / reported;
        });

    /// <summary>Writes scalar <paramref name="scalar"/> of kept step <paramref name="t"/> into column t of trace <paramref name="q"/>.</summary>
    private static void Record<TState>(Span<double> trace, int t, int kept, int chains, int q, ChainScalar<TState> scalar, TState state)
    {
        var values = scalar.PerChain(state);
        if (values.Length != chains) throw new InvalidOperationException($"the trace \"{scalar.Name}\" has {values.Length} chains, expected {chains}");
        for (var c = 0; c < chains; c++) trace[(q * chains + c) * kept + t] = values[c];
    }

    /// <summary>Writes the columns of <paramref name="observables"/> at kept step <paramref name="t"/> into traces <paramref name="first"/> on.</summary>
    private static void Record(Span<double> trace, int t, int kept, int chains, int first, Mat observables, int count)
    {
        if (observables.Rows != chains || observables.Columns != count)
            throw new InvalidOperationException($"the observables are {observables.Rows} x {observables.Columns}, expected {chains} x {count}");
        for (var j = 0; j < count; j++)
            for (var c = 0; c < chains; c++)
                trace[((first + j) * chains + c) * kept + t] = observables[c, j];
    }

    /// <summary>Forwards scaled progress synchronously (System.Progress would post to a thread pool).</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
