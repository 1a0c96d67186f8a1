using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>Adaptive tempering's bisection for the next point (<see cref="Smc"/>).</summary>
public static partial class Smc
{
    /// <summary>
    /// Adaptive tempering's choice of the next point: the t' after <c>state.T</c> whose conditional ESS equals
    /// <paramref name="targetConditionalEss"/>, by bisection to <see cref="BisectionTolerance"/> (1 when even t' = 1
    /// keeps it at or above the target), and the number of log-density evaluations spent.
    /// </summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="state">The current weighted particles.</param>
    /// <param name="targetConditionalEss">The target, a fraction of N in (0, 1).</param>
    public static (double Point, int Evaluations) NextPoint<TState>(AnnealingPath<TState> path, SmcState<TState> state, double targetConditionalEss)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(state);
        return NextPoint(state.T, state.LogWeights, targetConditionalEss, (t, _, _) => FinSucc(path.LogDensity(t, state.Particles)))
            .Match(chosen => chosen, e => throw new InvalidOperationException(e.Message));
    }

    /// <summary>
    /// <see cref="NextPoint{TState}"/> over log densities of the particles supplied by <paramref name="logDensity"/> (the
    /// blocked run gathers them from its blocks, which may fail); the same arithmetic, so the same point.
    /// </summary>
    /// <remarks><paramref name="logDensity"/> is given each point with the bracket it halves (the bracket itself for the end points), so a
    /// caller that pays per request can fetch the points the next halvings may need at once.</remarks>
    internal static Fin<(double Point, int Evaluations)> NextPoint(double from, Vec weights, double targetConditionalEss, Func<double, double, double, Fin<Vec>> logDensity)
    {
        var low = logDensity(from, from, 1.0);
        if (low.Case is not Vec lowDensity) return low.Map(_ => (0.0, 0));
        // A log density of the wrong length is not bisected: the step to t = 1 meets it and the estimator reports it.
        if (lowDensity.Length != weights.Length) return FinSucc((1.0, 1));
        var evaluations = 2;
        var atEnd = logDensity(1.0, from, 1.0);
        if (atEnd.Case is not Vec end) return atEnd.Map(_ => (0.0, 0));
        if (ConditionalEss(weights.Span, Increments(end.Span, lowDensity.Span)) >= targetConditionalEss) return FinSucc((1.0, evaluations));
        var (below, above) = (from, 1.0);
        while (above - below > BisectionTolerance)
        {
            var middle = 0.5 * (below + above);
            if (middle <= below || middle >= above) break;
            evaluations++;
            var atMiddle = logDensity(middle, below, above);
            if (atMiddle.Case is not Vec mid) return atMiddle.Map(_ => (0.0, 0));
            if (ConditionalEss(weights.Span, Increments(mid.Span, lowDensity.Span)) >= targetConditionalEss) below = middle;
            else above = middle;
        }

        return FinSucc((below > from ? below : above, evaluations));
    }
}
