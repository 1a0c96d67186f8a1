using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The one step of every annealing estimator: sequential Monte Carlo along an annealing path as an
/// (<see cref="Init"/>, <see cref="Step"/>) pair over <see cref="SmcState{TState}"/>, with <see cref="SmcInfo"/> for
/// what each step did (Del Moral, Doucet and Jasra 2006).
/// </summary>
/// <remarks>
/// <para>A step from t to t' reweights (log W_i + log w_i - log m with w_i = f_{t'}(x_i) / f_t(x_i)), resamples when
/// the ESS 1 / sum_i W_i^2 falls below <see cref="ResampleThreshold"/> N, and moves the particles by the mutation at
/// t'. A step that reaches <see cref="End"/> neither resamples nor moves: nothing after it could use the result.</para>
/// <para>The layers: AIS is the kernel that never resamples with one transition per step (<see cref="Ais.Kernel{TState}"/>);
/// reverse AIS is that kernel run over the reversed points; SMC with a fixed schedule runs <see cref="Smc.Kernel{TState}"/>
/// over the points; adaptive tempering chooses each t' by <see cref="Smc.NextPoint{TState}"/>.</para>
/// <para>Keys: a step takes two keys, one for resampling (uniform j is <c>resampleKey.UniformAt(j)</c>) and one for
/// the mutation. The estimators give step k <c>resampleRoot.FoldIn(k)</c> and <c>moveRoot.FoldIn(k)</c> from two
/// independent roots, so no key is used twice.</para>
/// </remarks>
/// <example><code>
/// var kernel = Ais.Kernel(path);                  // never resamples
/// var start = kernel.Init(baseKey, 500);          // Validation: every problem at once
/// var final = start.Map(s =&gt; Enumerable.Range(1, schedule.Steps)
///     .Aggregate(s, (state, k) =&gt; kernel.Step(moveKey.FoldIn(k), moveKey.FoldIn(k), state, schedule[k]).State));
/// </code></example>
/// <typeparam name="TState">The batch of particles.</typeparam>
public sealed record SmcKernel<TState>
{
    internal SmcKernel(
        AnnealingPath<TState> path, double resampleThreshold, ResamplingScheme scheme, Func<double, KernelStep<TState, Seq<IAcceptanceInfo>>> mutation, double end)
    {
        Path = path;
        ResampleThreshold = resampleThreshold;
        Scheme = scheme;
        Mutation = mutation;
        End = end;
    }

    /// <summary>The annealing path.</summary>
    public AnnealingPath<TState> Path { get; }

    /// <summary>Resample when the ESS is below this fraction of N; 0 never resamples (AIS), 1 resamples at every step.</summary>
    public double ResampleThreshold { get; }

    /// <summary>The resampling scheme.</summary>
    public ResamplingScheme Scheme { get; }

    /// <summary>The transitions at t after reweighting (and resampling), with the info of each transition.</summary>
    public Func<double, KernelStep<TState, Seq<IAcceptanceInfo>>> Mutation { get; }

    /// <summary>The path position where the run ends (1 forward, 0 for a reverse run): a step reaching it does not move.</summary>
    public double End { get; }

    /// <summary>
    /// <paramref name="particles"/> exact draws from f_0 with equal weights, at t = 0 with log Z = log Z_0.
    /// </summary>
    /// <param name="key">The key of the base draws.</param>
    /// <param name="particles">N, at least 1.</param>
    /// <returns>The state, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public Validation<Error, SmcState<TState>> Init(RngKey key, int particles)
    {
        var errors = Seq<Error>();
        if (particles < 1) errors = errors.Add(AnnealingEstimatorErrors.InvalidParticles(Path.Name, particles, 1));
        if (!double.IsFinite(Path.LogZ0)) errors = errors.Add(AnnealingEstimatorErrors.InvalidLogZ0(Path.Name, Path.LogZ0));
        if (!errors.IsEmpty) return Fail<Error, SmcState<TState>>(errors);
        var draws = Path.SampleBase(key, particles);
        var count = Path.Count(draws);
        return count == particles
            ? Success<Error, SmcState<TState>>(new SmcState<TState>(draws, Vec.Wrap(Smc.UniformLogWeights(particles)), Path.LogZ0, 0.0))
            : Fail<Error, SmcState<TState>>(AnnealingEstimatorErrors.BaseSampleCount(Path.Name, count, particles));
    }

    /// <summary>Given particles with equal weights at <paramref name="t"/> (reverse AIS starts from target draws at t = 1).</summary>
    /// <param name="particles">The particles, at least 1.</param>
    /// <param name="t">The path position they target.</param>
    /// <param name="logZ">The log Z carried in the state (0 for a reverse run: it then tracks log Z_t - log Z_1).</param>
    public Validation<Error, SmcState<TState>> Start(TState particles, double t, double logZ)
    {
        ArgumentNullException.ThrowIfNull(particles);
        var count = Path.Count(particles);
        return count < 1
            ? Fail<Error, SmcState<TState>>(AnnealingEstimatorErrors.InvalidParticles(Path.Name, count, 1))
            : Success<Error, SmcState<TState>>(new SmcState<TState>(particles, Vec.Wrap(Smc.UniformLogWeights(count)), logZ, t));
    }

    /// <summary>
    /// One step from <c>state.T</c> to <paramref name="tNext"/>: reweight, resample when the ESS falls below the
    /// threshold, move by the mutation at <paramref name="tNext"/> (unless <paramref name="tNext"/> is <see cref="End"/>).
    /// </summary>
    /// <param name="resampleKey">The key of this step's resampling.</param>
    /// <param name="moveKey">The key of this step's mutation.</param>
    /// <param name="state">The incoming state.</param>
    /// <param name="tNext">The next path position.</param>
    /// <remarks>
    /// A path whose log density returns another number of values than there are particles breaks its contract; the
    /// step then neither reweights nor moves, returns NaN weights and log Z, and puts the path's output in
    /// <see cref="SmcInfo.StartLogDensity"/> and <see cref="SmcInfo.EndLogDensity"/>: <see cref="Problem"/> turns
    /// that into <see cref="AnnealingEstimatorErrors.LogDensityLength"/>, as the estimators do.
    /// </remarks>
    public (SmcState<TState> State, SmcInfo Info) Step(RngKey resampleKey, RngKey moveKey, SmcState<TState> state, double tNext)
    {
        ArgumentNullException.ThrowIfNull(state);
        var particles = state.LogWeights.Length;
        var high = Path.LogDensity(tNext, state.Particles);
        var low = Path.LogDensity(state.T, state.Particles);
        if (high.Length != particles || low.Length != particles) return Broken(state, tNext, low, high);
        var increments = Vec.Wrap(Smc.Increments(high.Span, low.Span));
        var conditionalEss = Smc.ConditionalEss(state.LogWeights.Span, increments.Span);
        var (logMean, logWeights) = Smc.Reweight(state.LogWeights.Span, increments.Span);
        var ess = Smc.Ess(logWeights);
        var logZ = state.LogZ + logMean;
        if (tNext == End)
            return (new SmcState<TState>(state.Particles, Vec.Wrap(logWeights), logZ, tNext),
                new SmcInfo(increments, logMean, conditionalEss, ess, false, Seq<int>(), low, high, Seq<IAcceptanceInfo>()));

        var (current, before, ancestors) = (state.Particles, high, Seq<int>());
        // NaN weights (a log density that failed) cannot be resampled from; they are left to make the estimate
        // non-finite, which every estimate's checks then report, instead of stopping the run.
        var resampled = !double.IsNaN(ess) && Smc.ShouldResample(ess, particles, ResampleThreshold);
        if (resampled)
        {
            var chosen = Resampling.UncheckedAncestors(resampleKey, Scheme, logWeights.Select(Math.Exp).ToArray(), particles);
            current = Path.Select(current, chosen);
            before = Vec.Create(particles, d =>
            {
                for (var i = 0; i < particles; i++) d[i] = high[chosen[i]];
            });
            logWeights = Smc.UniformLogWeights(particles);
            ancestors = chosen.ToSeq();
        }

        var (moved, moves) = Mutation(tNext)(moveKey, current);
        return (new SmcState<TState>(moved, Vec.Wrap(logWeights), logZ, tNext),
            new SmcInfo(increments, logMean, conditionalEss, ess, resampled, ancestors, low, before, moves));
    }

    /// <summary>
    /// The problem a step found, if any: a path whose log density returned another number of values than there are
    /// particles (<see cref="AnnealingEstimatorErrors.LogDensityLength"/>). The estimators check every step with it;
    /// a caller stepping by hand does the same before trusting the returned state.
    /// </summary>
    /// <param name="info">The info a <see cref="Step"/> returned.</param>
    /// <param name="particles">The number of particles of the state the step was given.</param>
    public Option<Error> Problem(SmcInfo info, int particles) =>
        info.StartLogDensity.Length != particles
            ? Some(AnnealingEstimatorErrors.LogDensityLength(Path.Name, info.StartLogDensity.Length, particles))
            : info.EndLogDensity.Length != particles
                ? Some(AnnealingEstimatorErrors.LogDensityLength(Path.Name, info.EndLogDensity.Length, particles))
                : None;

    // A path that breaks the contract of AnnealingPath.LogDensity (one value per particle) cannot be reweighted: the
    // step neither reweights nor moves, leaves NaN weights and carries the path's output in the info, whose lengths
    // the estimators check (Problem) to return an error value.
    private static (SmcState<TState> State, SmcInfo Info) Broken(SmcState<TState> state, double tNext, Vec low, Vec high)
    {
        var nan = Vec.Filled(state.LogWeights.Length, double.NaN);
        return (new SmcState<TState>(state.Particles, nan, double.NaN, tNext),
            new SmcInfo(nan, double.NaN, double.NaN, double.NaN, false, Seq<int>(), low, high, Seq<IAcceptanceInfo>()));
    }
}
