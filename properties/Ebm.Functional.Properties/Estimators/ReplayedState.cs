using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Shared pieces of the replays that drive an estimator through the exact law: reading which states a batch
/// holds, the acceptance record of a scripted move, one row of an exact transition matrix, and normalised weights.
/// </summary>
internal static class ReplayedState
{
    /// <summary>The state index of every particle: row r is state sum_i 2^i [unit i high].</summary>
    public static int[] Indices(DiscreteChains chains)
    {
        var (rows, units) = (chains.States.Rows, chains.States.Columns);
        var indices = new int[rows];
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < units; i++)
                if (chains.States[r, i] > 0.5) indices[r] |= 1 << i;
        return indices;
    }

    /// <summary>Row <paramref name="from"/> of a transition matrix: the probabilities of the next state.</summary>
    public static double[] Row(Mat matrix, int from) => Enumerable.Range(0, matrix.Columns).Select(to => matrix[from, to]).ToArray();

    /// <summary>The log densities of every state at every point: [point][state].</summary>
    public static double[][] LogDensities(Func<double, DiscreteChains, Vec> logDensity, IReadOnlyList<double> points, DiscreteChains all) =>
        points.Select(t => logDensity(t, all).Span.ToArray()).ToArray();

    /// <summary>Probabilities proportional to exp(<paramref name="logWeights"/>), the largest taken out first.</summary>
    public static double[] Normalised(IReadOnlyCollection<double> logWeights)
    {
        var max = logWeights.Max();
        var weights = logWeights.Select(x => Math.Exp(x - max)).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    /// <summary>Throws when the estimator hands the path a batch other than the one the law put there.</summary>
    public static void Expect(DiscreteChains state, IReadOnlyList<int> expected, string where)
    {
        var actual = Indices(state);
        if (!actual.SequenceEqual(expected))
            throw new InvalidOperationException($"{where}: the estimator passed states [{string.Join(", ", actual)}], the law holds [{string.Join(", ", expected)}]");
    }

    /// <summary>The info of a scripted move (every proposal counted as accepted).</summary>
    public sealed record Moved(Vec AcceptanceRates) : IAcceptanceInfo;
}
