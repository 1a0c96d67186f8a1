using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Annealing;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Linked importance sampling (Neal 2005): a Markov chain of K states at every distribution of the schedule,
/// each chain started from a link state drawn from the previous chain, with geometric bridges
/// p_{j-1*j} = sqrt(f_{t_{j-1}} f_{t_j}) between neighbours.
/// </summary>
/// <remarks>
/// <para>Chain 0 holds K exact draws from f_0. The link from chain j-1 to chain j is one of chain j-1's states,
/// picked with probability proportional to p_{j-1*j}(x) / f_{t_{j-1}}(x) = exp((log f_{t_j} - log f_{t_{j-1}}) / 2).
/// Chain j places the link at a uniform position nu in 0..K-1 and runs nu reverse transitions before it and
/// K-1-nu forward transitions after it. The estimate of Z_1 / Z_0 is
/// prod_j [ mean_{x in chain j-1} p_{j-1*j}(x) / f_{t_{j-1}}(x) ] / [ mean_{x in chain j} p_{j-1*j}(x) / f_{t_j}(x) ],
/// unbiased whatever K and the schedule (Neal 2005).</para>
/// <para>Error: <see cref="LinkedImportanceSamplingOptions.Replicas"/> independent linked runs give independent
/// unbiased estimates r_1..r_R of Z_1 / Z_0; log Z = log Z_0 + log mean r with the delta-method standard error of
/// <see cref="Estimates.FromLogWeights"/> over the r (exact in form, since the r are independent).</para>
/// <para>The reverse transitions use <c>reverseMove</c> when given, else the path's own kernel, which must then
/// be reversible (random-scan Gibbs or Metropolis, HMC with a full momentum refresh); a systematic-scan or
/// checkerboard sweep needs its reversed sweep passed as <c>reverseMove</c>. Each chain runs K-1 forward and K-1
/// reverse transitions for all replicas and keeps the nu and K-1-nu each replica needs, so a run costs
/// 2 (K-1) moves per distribution. Supported batches: discrete, continuous, RBM and Ising chains.</para>
/// <para>Keys: the base draws use the first of four children of the key, link choices at chain j the second
/// folded with j, link positions the third folded with j, and moves the fourth folded with j (split into
/// reverse and forward, then folded with the state and the move number).</para>
/// <para>Driver: <see cref="Loop.Indexed{TState,TInfo}"/> from index 1 over a state holding the link and each replica's
/// running log numerator and denominator; step j builds chain j, adds its denominator terms and picks the next link.</para>
/// </remarks>
public static class LinkedImportanceSampling
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "linked-is";

    /// <summary>Runs linked importance sampling and returns the estimate (trace: the running log Z at each t_j).</summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="reverseMove">The reversal of <c>path.Move(t)</c>; null when the path's kernel is reversible.</param>
    /// <param name="progress">Reports each distribution, if given.</param>
    /// <returns>
    /// The estimate, or the path's problems (<see cref="AnnealingEstimatorErrors"/>, among them a log density of the wrong
    /// length, and <see cref="LinkedImportanceSamplingErrors.UnsupportedState"/>).
    /// </returns>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key,
        AnnealingPath<TState> path,
        LinkedImportanceSamplingOptions options,
        Func<double, KernelStep<TState, IAcceptanceInfo>>? reverseMove = null,
        IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var errors = Seq<Error>();
        if (!double.IsFinite(path.LogZ0)) errors = errors.Add(AnnealingEstimatorErrors.InvalidLogZ0(Method, path.LogZ0));
        if (!BatchConcatenation.Supports<TState>()) errors = errors.Add(LinkedImportanceSamplingErrors.UnsupportedState(typeof(TState).Name));
        return errors.IsEmpty ? Link(key, path, options, reverseMove, progress) : Fail<Error, LogZEstimate>(errors);
    }

    /// <summary>
    /// The state between distributions: the link into the next chain and, per replica, the running log numerator and
    /// log denominator of Neal's product, with the per-particle evaluations so far; <c>Problem</c> is a path found
    /// breaking its contract, after which the steps do nothing.
    /// </summary>
    private sealed record Linked<TState>(TState Link, double[] LogNumerators, double[] LogDenominators, long Evaluations, Error? Problem = null);

    /// <summary>What step j did: its point, the running log Z there, and the infos of the chain's transitions in order.</summary>
    private sealed record LinkedInfo(double Point, double LogZ, List<IAcceptanceInfo> Moves);

    private static Validation<Error, LogZEstimate> Link<TState>(
        RngKey key,
        AnnealingPath<TState> path,
        LinkedImportanceSamplingOptions options,
        Func<double, KernelStep<TState, IAcceptanceInfo>>? reverseMove,
        IProgress<AnnealingProgress>? progress)
    {
        var children = key.Split(4);
        var (baseKey, linkKey, positionKey, moveKey) = (children[0], children[1], children[2], children[3]);
        var (replicas, length, schedule) = (options.Replicas, options.ChainLength, options.Schedule);
        var steps = schedule.Steps;
        var tracePoints = new List<double> { 0.0 };
        var traceLogZ = new List<double> { path.LogZ0 };
        var health = new SamplerHealth.Tally(length * replicas);

        var chain = path.SampleBase(baseKey, length * replicas);
        var allPositions = Enumerable.Range(0, length).ToArray();
        var (here, up) = (path.LogDensity(schedule[0], chain), path.LogDensity(schedule[1], chain));
        if (LengthProblem(path, length * replicas, here, up) is { } problem) return Fail<Error, LogZEstimate>(problem);
        var (indices, logNumerators) = Link(here, up, replicas, _ => allPositions, linkKey.FoldIn(0), new double[replicas]);
        var start = new Linked<TState>(path.Select(chain, indices), logNumerators, new double[replicas], 2L * length * replicas);

        var final = Loop.Indexed(start, 1, steps,
            (j, state) => Step(path, options, reverseMove, linkKey, positionKey, moveKey, j, state),
            (j, state, info) =>
            {
                if (state.Problem is not null) return;
                foreach (var move in info.Moves) health.Record(move);
                tracePoints.Add(info.Point);
                traceLogZ.Add(info.LogZ);
                progress?.Report(new AnnealingProgress(j, steps, info.Point));
            });

        if (final.Problem is not null) return Fail<Error, LogZEstimate>(final.Problem);
        var logRatios = Vec.Create(replicas, d =>
        {
            for (var p = 0; p < replicas; p++) d[p] = final.LogNumerators[p] - final.LogDenominators[p];
        });
        return Success<Error, LogZEstimate>(
            Estimates.FromLogWeights(Method, path.TargetBeta, path.LogZ0, logRatios, final.Evaluations, health.Warnings("linked importance sampling")) with
            {
                Steps = steps,
                Trace = new EstimateTrace(Vec.Of([.. tracePoints]), Vec.Of([.. traceLogZ])),
            });
    }

    /// <summary>
    /// Step j: chain j from the link at t_j (positions from <c>positionKey.FoldIn(j)</c>, moves from
    /// <c>moveKey.FoldIn(j)</c>), its denominator terms and, before the last distribution, the next link
    /// (<c>linkKey.FoldIn(j)</c>) with its numerator terms.
    /// </summary>
    private static (Linked<TState> State, LinkedInfo Info) Step<TState>(
        AnnealingPath<TState> path, LinkedImportanceSamplingOptions options, Func<double, KernelStep<TState, IAcceptanceInfo>>? reverseMove,
        RngKey linkKey, RngKey positionKey, RngKey moveKey, int j, Linked<TState> state)
    {
        var (replicas, length, schedule) = (options.Replicas, options.ChainLength, options.Schedule);
        var (previous, current) = (schedule[j - 1], schedule[j]);
        if (state.Problem is not null) return (state, new LinkedInfo(current, double.NaN, []));
        var positionsKey = positionKey.FoldIn(j);
        var nu = Enumerable.Range(0, replicas).Select(p => Math.Min(length - 1, (int)(positionsKey.UniformAt(p) * length))).ToArray();
        var (batches, moves) = Chain(path, state.Link, current, length, options.MovesPerState, reverseMove, moveKey.FoldIn(j));
        var evaluations = state.Evaluations + 2L * (length - 1) * options.MovesPerState * replicas * path.EvaluationsPerMove;
        var chain = BatchConcatenation.Concatenate(batches);
        var here = path.LogDensity(current, chain);
        var down = path.LogDensity(previous, chain);
        evaluations += 2L * batches.Count * replicas;
        if (LengthProblem(path, batches.Count * replicas, here, down) is { } problem) return (state with { Problem = problem }, new LinkedInfo(current, double.NaN, moves));
        var members = Enumerable.Range(0, replicas).Select(p => Members(nu[p], length)).ToArray();
        var logDenominators = (double[])state.LogDenominators.Clone();
        for (var p = 0; p < replicas; p++)
            logDenominators[p] += LogMeanBridge(Gather(here, members[p], p, replicas), Gather(down, members[p], p, replicas));

        var logZ = path.LogZ0 + LogSpace.LogMeanExp(Enumerable.Range(0, replicas).Select(p => state.LogNumerators[p] - logDenominators[p]).ToArray());
        var info = new LinkedInfo(current, logZ, moves);
        if (j == schedule.Steps) return (state with { LogDenominators = logDenominators, Evaluations = evaluations }, info);

        var up = path.LogDensity(schedule[j + 1], chain);
        evaluations += (long)batches.Count * replicas;
        if (LengthProblem(path, batches.Count * replicas, up, up) is { } broken) return (state with { Problem = broken }, info);
        var (indices, logNumerators) = Link(here, up, replicas, p => members[p], linkKey.FoldIn(j), state.LogNumerators);
        return (new Linked<TState>(path.Select(chain, indices), logNumerators, logDenominators, evaluations), info);
    }

    /// <summary>
    /// log mean_x p_{here*other}(x) / f_here(x) over a chain's states, with the geometric bridge:
    /// log of the mean of exp((log f_other - log f_here) / 2) (Neal 2005).
    /// </summary>
    internal static double LogMeanBridge(ReadOnlySpan<double> logHere, ReadOnlySpan<double> logOther) =>
        LogSpace.LogMeanExp(BridgeLogRatios(logHere, logOther));

    /// <summary>log p_{here*other}(x) / f_here(x) = (log f_other(x) - log f_here(x)) / 2 for each state: half the annealing increment.</summary>
    internal static double[] BridgeLogRatios(ReadOnlySpan<double> logHere, ReadOnlySpan<double> logOther)
    {
        var ratios = Smc.Increments(logOther, logHere);
        for (var i = 0; i < ratios.Length; i++) ratios[i] *= 0.5;
        return ratios;
    }

    /// <summary>The probabilities of picking each state of a chain as the next link: proportional to the bridge ratios.</summary>
    internal static double[] LinkProbabilities(ReadOnlySpan<double> logHere, ReadOnlySpan<double> logOther)
    {
        var ratios = BridgeLogRatios(logHere, logOther);
        var logSum = LogSpace.LogSumExp(ratios);
        return ratios.Select(r => Math.Exp(r - logSum)).ToArray();
    }

    /// <summary>
    /// The batches holding a chain whose link sits at position <paramref name="nu"/>: batch 0 is the link,
    /// batches 1..nu the first nu reverse states, batches K..2K-2-nu the first K-1-nu forward states.
    /// </summary>
    internal static int[] Members(int nu, int length) =>
        [0, .. Enumerable.Range(1, nu), .. Enumerable.Range(length, length - 1 - nu)];

    private static double[] Gather(Vec values, int[] batches, int replica, int replicas) =>
        batches.Select(b => values[b * replicas + replica]).ToArray();

    // A path whose log density does not return one value per state breaks its contract; the run cannot go on.
    private static Error? LengthProblem<TState>(AnnealingPath<TState> path, int states, Vec first, Vec second) =>
        first.Length != states ? AnnealingEstimatorErrors.LogDensityLength(path.Name, first.Length, states)
        : second.Length != states ? AnnealingEstimatorErrors.LogDensityLength(path.Name, second.Length, states)
        : null;

    // The next link's index in the concatenated chain for each replica, and the log numerators with its terms added.
    private static (int[] Indices, double[] LogNumerators) Link(
        Vec here, Vec up, int replicas, Func<int, int[]> members, RngKey key, double[] logNumerators)
    {
        var indices = new int[replicas];
        var updated = (double[])logNumerators.Clone();
        for (var p = 0; p < replicas; p++)
        {
            var batches = members(p);
            var (logHere, logUp) = (Gather(here, batches, p, replicas), Gather(up, batches, p, replicas));
            updated[p] += LogMeanBridge(logHere, logUp);
            var pick = Resampling.FromUniforms(ResamplingScheme.Multinomial, LinkProbabilities(logHere, logUp), [key.UniformAt(p)])[0];
            indices[p] = batches[pick] * replicas + p;
        }

        return (indices, updated);
    }

    // The link, then K-1 reverse and K-1 forward states, with the infos of the transitions in the order they ran.
    private static (List<TState> Batches, List<IAcceptanceInfo> Moves) Chain<TState>(
        AnnealingPath<TState> path, TState link, double t, int length, int moves,
        Func<double, KernelStep<TState, IAcceptanceInfo>>? reverseMove, RngKey key)
    {
        var forward = path.Move(t);
        var reverse = reverseMove is null ? forward : reverseMove(t);
        var (reverseKey, forwardKey) = key.Split();
        var batches = new List<TState> { link };
        var infos = new List<IAcceptanceInfo>();
        foreach (var (kernel, directionKey) in new[] { (reverse, reverseKey), (forward, forwardKey) })
        {
            var state = link;
            for (var i = 1; i < length; i++)
            {
                for (var m = 0; m < moves; m++)
                {
                    var (next, info) = kernel(directionKey.FoldIn(i).FoldIn(m), state);
                    infos.Add(info);
                    state = next;
                }

                batches.Add(state);
            }
        }

        return (batches, infos);
    }
}
