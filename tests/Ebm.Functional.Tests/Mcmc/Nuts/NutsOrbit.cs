namespace Ebm.Functional.Tests.Mcmc.Nuts;

/// <summary>
/// The exact law of one multinomial NUTS transition from a fixed phase point, written independently of the kernel:
/// the leapfrog orbit z_k (k = -K..K, K = 2^D - 1) of a 2-D Gaussian is computed once in matrix form, then each of the
/// 2^D direction sequences is played on index intervals of that orbit.
/// </summary>
/// <remarks>
/// <para>A doubling j adds the 2^j indices beyond the tree's forward (or backward) end. The new subtree is invalid when
/// a leaf has H - H0 &gt; 1000 or when one of its aligned halvings fails the no-U-turn checks (on the merged span, and on
/// each half extended by the other half's adjacent point); then the tree keeps its sample and stops. Otherwise the
/// sample becomes a point of the subtree drawn with probability w_k / W_new (w_k = exp(H0 - H_k)) with probability
/// min(1, W_new / W_old), and the tree stops when the merge of the old tree with the subtree fails the checks.</para>
/// <para>The leapfrog count and the acceptance statistic follow the kernel's build order: a subtree is built near half
/// first, and building stops at the first invalid half.</para>
/// </remarks>
internal sealed class NutsOrbit
{
    public const double Beta = 1.3;
    private static readonly double[] Mu = [0.5, -1.0];
    private static readonly double[,] P = { { 2.0, 0.6 }, { 0.6, 1.2 } };

    public NutsOrbit(double[] x, double[] p, double stepSize, double[] inverseMass, int depth)
    {
        (Depth, InverseMass, Span) = (depth, inverseMass, (1 << depth) - 1);
        Positions = new double[2 * Span + 1][];
        Momenta = new double[2 * Span + 1][];
        Hamiltonians = new double[2 * Span + 1];
        Set(0, x, p);
        foreach (var sign in new[] { 1, -1 })
        {
            var (y, q) = ((double[])x.Clone(), (double[])p.Clone());
            for (var k = 1; k <= Span; k++)
            {
                var g = Gradient(y);
                for (var j = 0; j < 2; j++) q[j] -= sign * stepSize / 2 * Beta * g[j];
                for (var j = 0; j < 2; j++) y[j] += sign * stepSize * inverseMass[j] * q[j];
                g = Gradient(y);
                for (var j = 0; j < 2; j++) q[j] -= sign * stepSize / 2 * Beta * g[j];
                Set(sign * k, (double[])y.Clone(), (double[])q.Clone());
            }
        }
    }

    public int Depth { get; }

    public int Span { get; }

    public double[] InverseMass { get; }

    public double[][] Positions { get; }

    public double[][] Momenta { get; }

    public double[] Hamiltonians { get; }

    public double[] X(int k) => Positions[k + Span];

    public double[] Momentum(int k) => Momenta[k + Span];

    public double H(int k) => Hamiltonians[k + Span];

    /// <summary>w_k = exp(H0 - H_k).</summary>
    public double Weight(int k) => Math.Exp(H(0) - H(k));

    /// <summary>What the kernel must report for one direction sequence.</summary>
    public sealed record Law(Dictionary<int, double> Selection, int TreeDepth, int LeapfrogSteps, double AcceptanceStatistic, bool Turned, bool Divergent);

    /// <summary>The law of the transition for the directions <paramref name="forward"/>[j] of doubling j.</summary>
    public Law For(bool[] forward)
    {
        var selection = new Dictionary<int, double> { [0] = 1.0 };
        var (low, high, weight, leapfrogs, acceptance) = (0, 0, 1.0, 0, 0.0);
        for (var j = 0; j < Depth; j++)
        {
            var size = 1 << j;
            var order = Enumerable.Range(1, size).Select(i => forward[j] ? high + i : low - i).ToArray();
            var valid = Build(order, ref leapfrogs, ref acceptance);
            if (!valid)
            {
                // Building stops at the first invalid leaf or merge: the subtree diverged when its last built leaf did.
                var last = order[leapfrogs - Leaves(j) - 1];
                return new Law(selection, j, leapfrogs, acceptance / leapfrogs, false, H(last) - H(0) > 1000);
            }

            var newWeight = order.Sum(Weight);
            var take = Math.Min(1.0, newWeight / weight);
            foreach (var k in selection.Keys.ToArray()) selection[k] *= 1 - take;
            foreach (var k in order) selection[k] = take * Weight(k) / newWeight;
            weight += newWeight;
            var old = forward[j] ? Enumerable.Range(low, high - low + 1).ToArray() : Enumerable.Range(low, high - low + 1).Reverse().ToArray();
            if (forward[j]) high += size;
            else low -= size;
            if (!Checks(old, order)) return new Law(selection, j + 1, leapfrogs, acceptance / leapfrogs, true, false);
        }

        return new Law(selection, Depth, leapfrogs, acceptance / leapfrogs, false, false);
    }

    /// <summary>Leapfrog steps of the complete doublings before doubling j: 2^j - 1.</summary>
    private static int Leaves(int j) => (1 << j) - 1;

    /// <summary>Builds a subtree over <paramref name="order"/> (build order), counting leaves as the kernel does; false if invalid.</summary>
    private bool Build(int[] order, ref int leapfrogs, ref double acceptance)
    {
        if (order.Length == 1)
        {
            leapfrogs++;
            acceptance += Math.Min(1.0, Weight(order[0]));
            return H(order[0]) - H(0) <= 1000;
        }

        var near = order[..(order.Length / 2)];
        var far = order[(order.Length / 2)..];
        return Build(near, ref leapfrogs, ref acceptance) && Build(far, ref leapfrogs, ref acceptance) && Checks(near, far);
    }

    /// <summary>The no-U-turn checks of adjacent spans, each listed from the end away from the other (near) or next to it (far).</summary>
    private bool Checks(int[] near, int[] far)
    {
        var all = Sum(near.Concat(far));
        return Continues(near[0], far[^1], all)
               && Continues(near[0], far[0], Sum(near.Append(far[0])))
               && Continues(near[^1], far[^1], Sum(far.Append(near[^1])));
    }

    private bool Continues(int a, int b, double[] rho)
    {
        double towardsA = 0, towardsB = 0;
        for (var j = 0; j < 2; j++)
        {
            towardsA += InverseMass[j] * Momentum(a)[j] * rho[j];
            towardsB += InverseMass[j] * Momentum(b)[j] * rho[j];
        }

        return towardsA > 0 && towardsB > 0;
    }

    private double[] Sum(IEnumerable<int> indices)
    {
        var rho = new double[2];
        foreach (var k in indices)
            for (var j = 0; j < 2; j++) rho[j] += Momentum(k)[j];
        return rho;
    }

    private void Set(int k, double[] x, double[] p)
    {
        Positions[k + Span] = x;
        Momenta[k + Span] = p;
        Hamiltonians[k + Span] = Beta * Energy(x) + 0.5 * (InverseMass[0] * p[0] * p[0] + InverseMass[1] * p[1] * p[1]);
    }

    public static double[] Gradient(double[] x)
    {
        var r = new[] { x[0] - Mu[0], x[1] - Mu[1] };
        return [P[0, 0] * r[0] + P[0, 1] * r[1], P[1, 0] * r[0] + P[1, 1] * r[1]];
    }

    public static double Energy(double[] x)
    {
        var g = Gradient(x);
        return 0.5 * ((x[0] - Mu[0]) * g[0] + (x[1] - Mu[1]) * g[1]);
    }

    public static double[] Mean => Mu;

    public static double[][] Precision => [[P[0, 0], P[0, 1]], [P[1, 0], P[1, 1]]];
}
