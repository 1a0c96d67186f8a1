using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Exact expectations of annealing estimators on tiny state spaces, computed from the calls the
/// implementation itself makes.
/// </summary>
/// <remarks>
/// <para>The estimator runs on a recording copy of the real path whose particles are all 2^n states (row x
/// has unit i high when bit i of x is set) and whose moves leave the particles where they are. The run's
/// final log weight of particle x is then the sum of the increments it computed for x; the recorded calls
/// show which log densities it differenced and where it moved.</para>
/// <para>The propagation replays the recorded calls on the weighted measure m(x) = E[w 1{X = x}]: a pair of
/// log density calls (a, b) multiplies m by f_a / f_b taken from the path's own LogDensity, a move at t
/// multiplies m on the right by the exact transition matrix of the kernel at t. The total mass at the end is
/// E[w] exactly, up to round-off (at most 6 steps over 64 states, weights below e^40).</para>
/// </remarks>
public static class ExactAnnealing
{
    /// <summary>The 2^n states of n units, row x having unit i high when bit i of x is set.</summary>
    public static Mat AllStates(int units, double low) => Mat.Create(1 << units, units, d =>
    {
        for (var x = 0; x < 1 << units; x++)
        for (var i = 0; i < units; i++) d[x * units + i] = ((x >> i) & 1) == 1 ? 1.0 : low;
    });

    /// <summary>
    /// A copy of <paramref name="path"/> whose base draw is <paramref name="everyState"/>, whose moves do
    /// nothing, and which appends each LogDensity and Move call to <paramref name="calls"/>.
    /// </summary>
    public static AnnealingPath<TState> Recording<TState>(AnnealingPath<TState> path, TState everyState, List<PathCall> calls) =>
        path with
        {
            SampleBase = (_, _) => everyState,
            LogDensity = (t, s) =>
            {
                calls.Add(new PathCall(false, t));
                return path.LogDensity(t, s);
            },
            Move = t =>
            {
                calls.Add(new PathCall(true, t));
                return (_, s) => (s, new Unmoved(Vec.Filled(path.Count(s), 1.0)));
            },
        };

    /// <summary>
    /// Replays <paramref name="calls"/> on the measure <paramref name="start"/>: consecutive log density calls
    /// pair up as (a, b), each multiplying m by exp(log f_a - log f_b); a move at t multiplies by
    /// <paramref name="kernelMatrix"/>(t). Returns the final measure and, per state, the summed log increments
    /// (to compare with the run's own log weights).
    /// </summary>
    public static (double[] Measure, double[] LogIncrements) Replay<TState>(
        AnnealingPath<TState> path, TState everyState, IReadOnlyList<PathCall> calls, ReadOnlySpan<double> start, Func<double, Mat> kernelMatrix)
    {
        var m = start.ToArray();
        var sum = new double[m.Length];
        for (var c = 0; c < calls.Count; c++)
        {
            if (calls[c].IsMove)
            {
                var k = kernelMatrix(calls[c].Point);
                var next = new double[m.Length];
                for (var x = 0; x < m.Length; x++)
                for (var y = 0; y < m.Length; y++) next[y] += m[x] * k[x, y];
                m = next;
                continue;
            }

            if (c + 1 >= calls.Count || calls[c + 1].IsMove) throw new InvalidOperationException($"log density call {c} has no partner");
            var high = path.LogDensity(calls[c].Point, everyState);
            var low = path.LogDensity(calls[c + 1].Point, everyState);
            for (var x = 0; x < m.Length; x++)
            {
                m[x] *= Math.Exp(high[x] - low[x]);
                sum[x] += high[x] - low[x];
            }

            c++;
        }

        return (m, sum);
    }

    /// <summary>exp(log f_t(x) - log z) for every state: a normalised start measure from the path's own densities.</summary>
    public static double[] Normalised<TState>(AnnealingPath<TState> path, TState everyState, double t, double logZ)
    {
        var f = path.LogDensity(t, everyState);
        var m = new double[f.Length];
        for (var x = 0; x < m.Length; x++) m[x] = Math.Exp(f[x] - logZ);
        return m;
    }

    private sealed record Unmoved(Vec AcceptanceRates) : IAcceptanceInfo;
}
