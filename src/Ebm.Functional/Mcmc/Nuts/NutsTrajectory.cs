using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Nuts;

/// <summary>
/// One chain's NUTS trajectory from a start point and a momentum: builds the tree by doublings and returns the
/// selected point with the trajectory's statistics. Mutable inside, pure at its boundary (<see cref="Sample"/>).
/// </summary>
/// <remarks>
/// <para>Doubling j (j = 0, 1, ...) goes forward in time when <c>key.FoldIn(1).UniformAt(j)</c> &gt;= 1/2, else backward, and
/// builds a subtree of 2^j leapfrog steps from that edge. A subtree is built recursively as a near half then a far half;
/// its proposal is the far half's with probability w_far / (w_near + w_far), w = sum of exp(H0 - H) over the leaves
/// (the uniform is <c>key.FoldIn(3).UniformAt(m)</c>, m counting merges in the order they happen), so a subtree's
/// proposal is each of its leaves with probability exactly proportional to exp(-H). The whole trajectory moves to
/// the new subtree's proposal with probability min(1, w_new / w_old) (<c>key.FoldIn(2).UniformAt(j)</c>): Betancourt's
/// biased progressive sampling, which favours points far from the start and keeps exp(-H) invariant.</para>
/// <para>The generalized no-U-turn criterion (Betancourt 2017, appendix A.4.2) on a span with end momenta p-, p+ and
/// momentum sum rho: it continues while (M^-1 p-) . rho &gt; 0 and (M^-1 p+) . rho &gt; 0. It is checked over every merged
/// pair of halves, and, as Stan does since 2.23, also over the near half extended by the far half's first point and
/// the far half extended by the near half's last point, which catches U-turns between the two halves. A subtree that
/// turns is discarded and ends the trajectory; a trajectory whose merged span turns keeps its last subtree and
/// ends. A leaf whose H - H0 exceeds <see cref="Nuts.DivergenceThreshold"/> (NaN counts as +infinity) diverges:
/// its subtree is discarded and the trajectory ends.</para>
/// </remarks>
internal sealed class NutsTrajectory
{
    private readonly IContinuousModel _model;
    private readonly double _beta;
    private readonly NutsParams _parameters;
    private readonly double[] _inverseMass;
    private readonly RngKey _key;
    private readonly double _startH;
    private int _merges;
    private int _leapfrogSteps;
    private double _sumAcceptance;
    private bool _divergent;
    private bool _nonFinite;

    private NutsTrajectory(IContinuousModel model, double beta, NutsParams parameters, RngKey key, double startH)
    {
        _model = model;
        _beta = beta;
        _parameters = parameters;
        _inverseMass = parameters.InverseMassDiagonal.ToArray();
        _key = key;
        _startH = startH;
    }

    /// <summary>A point of phase space with its cached energy and gradient; an edge of the trajectory is advanced in place.</summary>
    internal sealed record Point(double[] X, double[] P, double[] Gradient, double Energy)
    {
        public double Energy { get; set; } = Energy;

        public Point Copy() => new((double[])X.Clone(), (double[])P.Clone(), (double[])Gradient.Clone(), Energy);
    }

    /// <summary>A built subtree: its proposal and log weight, its momentum sum and the momenta at its near and far ends.</summary>
    private sealed record Subtree(Point Proposal, double LogWeight, double[] Rho, double[] Near, double[] Far);

    /// <summary>What one trajectory produced.</summary>
    internal readonly record struct Outcome(Point Selected, double AcceptanceStatistic, int TreeDepth, int LeapfrogSteps, bool Divergent, bool NonFinite);

    /// <summary>
    /// Runs one NUTS transition from <paramref name="start"/> (whose P is the drawn momentum) with the direction and
    /// selection uniforms of <paramref name="key"/>.
    /// </summary>
    internal static Outcome Sample(RngKey key, IContinuousModel model, double beta, NutsParams parameters, Point start)
    {
        var startH = beta * start.Energy + Leapfrog.KineticEnergy(start.P, parameters.InverseMassDiagonal.Span);
        if (!ContinuousKernel.AllFinite(startH, start.X, start.Gradient))
            return new Outcome(start, 0, 0, 0, Divergent: true, NonFinite: true);
        return new NutsTrajectory(model, beta, parameters, key, startH).Run(start);
    }

    private Outcome Run(Point start)
    {
        var forward = start.Copy();
        var backward = start.Copy();
        var (back, front, rho) = (start.P, start.P, (double[])start.P.Clone());
        var selected = start;
        var logWeight = 0.0;
        var depth = 0;
        while (depth < _parameters.MaxTreeDepth)
        {
            var isForward = _key.FoldIn(1).UniformAt(depth) >= 0.5;
            var subtree = Build(depth, isForward ? forward : backward, isForward ? 1 : -1);
            if (subtree is null) break;
            if (_key.FoldIn(2).UniformAt(depth) < Math.Exp(subtree.LogWeight - logWeight)) selected = subtree.Proposal;
            logWeight = LogAddExp(logWeight, subtree.LogWeight);
            depth++;
            var (near, far) = isForward ? (back, front) : (front, back);
            var merged = Add(rho, subtree.Rho);
            var continues = NoUTurn(near, far, rho, subtree, merged);
            rho = merged;
            if (isForward) front = subtree.Far;
            else back = subtree.Far;
            if (!continues) break;
        }

        return new Outcome(selected, _leapfrogSteps == 0 ? 0 : _sumAcceptance / _leapfrogSteps, depth, _leapfrogSteps, _divergent, _nonFinite);
    }

    /// <summary>A subtree of 2^depth leapfrog steps from <paramref name="edge"/> (advanced in place), or null when it diverged or turned.</summary>
    private Subtree? Build(int depth, Point edge, int sign)
    {
        if (depth == 0) return Leaf(edge, sign);
        var near = Build(depth - 1, edge, sign);
        if (near is null) return null;
        var far = Build(depth - 1, edge, sign);
        if (far is null) return null;
        var logWeight = LogAddExp(near.LogWeight, far.LogWeight);
        var proposal = _key.FoldIn(3).UniformAt(_merges++) < Math.Exp(far.LogWeight - logWeight) ? far.Proposal : near.Proposal;
        var rho = Add(near.Rho, far.Rho);
        return NoUTurn(near.Near, near.Far, near.Rho, far, rho) ? new Subtree(proposal, logWeight, rho, near.Near, far.Far) : null;
    }

    private Subtree? Leaf(Point edge, int sign)
    {
        edge.Energy = Leapfrog.IntegrateInPlace(_model, _beta, sign * _parameters.StepSize, 1, _inverseMass, edge.X, edge.P, edge.Gradient, edge.Energy);
        _leapfrogSteps++;
        var finite = ContinuousKernel.AllFinite(edge.Energy, edge.X, edge.Gradient) && ContinuousKernel.AllFinite(0, edge.P, []);
        var h = finite ? _beta * edge.Energy + Leapfrog.KineticEnergy(edge.P, _inverseMass) : double.PositiveInfinity;
        if (double.IsNaN(h)) h = double.PositiveInfinity;
        var logWeight = _startH - h;
        _sumAcceptance += logWeight >= 0 ? 1 : Math.Exp(logWeight);
        _nonFinite |= !finite;
        if (-logWeight > Nuts.DivergenceThreshold)
        {
            _divergent = true;
            return null;
        }

        var point = edge.Copy();
        return new Subtree(point, logWeight, (double[])point.P.Clone(), point.P, point.P);
    }

    /// <summary>
    /// The no-U-turn checks of merging a near span (end momenta <paramref name="nearNear"/>, <paramref name="nearFar"/>,
    /// sum <paramref name="nearRho"/>) with the far subtree beyond it: over the merged span, and over each half extended by
    /// the other's adjacent point.
    /// </summary>
    private bool NoUTurn(double[] nearNear, double[] nearFar, double[] nearRho, Subtree far, double[] mergedRho) =>
        Continues(nearNear, far.Far, mergedRho)
        && Continues(nearNear, far.Near, Add(nearRho, far.Near))
        && Continues(nearFar, far.Far, Add(far.Rho, nearFar));

    /// <summary>(M^-1 a) . rho &gt; 0 and (M^-1 b) . rho &gt; 0: neither end of the span moves back against its momentum sum.</summary>
    private bool Continues(double[] a, double[] b, double[] rho)
    {
        double towardsA = 0, towardsB = 0;
        for (var j = 0; j < rho.Length; j++)
        {
            towardsA += _inverseMass[j] * a[j] * rho[j];
            towardsB += _inverseMass[j] * b[j] * rho[j];
        }

        return towardsA > 0 && towardsB > 0;
    }

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (var j = 0; j < a.Length; j++) sum[j] = a[j] + b[j];
        return sum;
    }

    /// <summary>log(e^a + e^b) for a, b that may be -infinity.</summary>
    private static double LogAddExp(double a, double b)
    {
        var (high, low) = a >= b ? (a, b) : (b, a);
        return double.IsNegativeInfinity(low) ? high : high + Math.Log(1 + Math.Exp(low - high));
    }
}
