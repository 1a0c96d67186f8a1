using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>What the Potts cluster kernels share: the model checks, the Fortuin-Kasteleyn bond probability, union-find, and a cluster's value draw.</summary>
internal static class PottsClusters
{
    /// <summary>The Potts model behind <paramref name="model"/> when a cluster move samples it exactly, else the error.</summary>
    public static Fin<PottsModel> Check(string algorithm, ICategoricalModel model, double beta)
    {
        if (!double.IsFinite(beta) || beta < 0) return PottsLatticeErrors.InvalidBeta(beta);
        if (model is not PottsModel potts)
            return PottsLatticeErrors.ClusterNotSupported(algorithm, $"sample the Potts model only (equal-value bonds), not a {model.Kind} model; use the heat-bath checkerboard");
        if (potts.Coupling < 0)
            return PottsLatticeErrors.ClusterNotSupported(algorithm, $"need a ferromagnetic coupling J >= 0 (the Fortuin-Kasteleyn bonds), got J = {potts.Coupling}");
        return potts;
    }

    /// <summary>p = 1 - exp(-beta J): the probability that a bond term between equal units is activated.</summary>
    public static double ActivationProbability(PottsModel model, double beta) => 1.0 - Math.Exp(-beta * model.Coupling);

    /// <summary>
    /// The value of a cluster of size n from the uniform <paramref name="uniform"/>: 0 with probability e^x / (e^x + q - 1),
    /// x = beta h n, each other value with 1 / (e^x + q - 1) (uniform at h = 0), by the inverse CDF over 0, 1, ..., q - 1.
    /// </summary>
    public static int DrawValue(double uniform, int q, double fieldExponent)
    {
        // P(0) = 1 / (1 + (q - 1) e^-x), written so that neither sign of x overflows.
        var zero = fieldExponent >= 0 ? 1.0 / (1.0 + (q - 1) * Math.Exp(-fieldExponent)) : Math.Exp(fieldExponent) / (Math.Exp(fieldExponent) + q - 1);
        if (uniform < zero) return 0;
        var other = 1 + (int)((uniform - zero) / (1.0 - zero) * (q - 1));
        return Math.Min(other, q - 1);
    }

    /// <summary>Union by smaller root, so every cluster's root is its smallest site.</summary>
    public static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
    }

    public static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
