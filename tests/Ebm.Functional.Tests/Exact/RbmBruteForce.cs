using Ebm.Functional.Models;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Thermodynamics of a tiny Bernoulli RBM by listing every joint state (v, h): E(v,h) = -v^T W h - b^T v - c^T h
/// written out term by term, log Z = logsumexp(-beta E), U = sum p E, Var(E) = sum p (E - U)^2.
/// </summary>
public static class RbmBruteForce
{
    /// <summary>log Z(beta), U and Var(E) over all 2^(nv + nh) joint states.</summary>
    public static (double LogZ, double MeanEnergy, double EnergyVariance) Joint(BernoulliRbm model, double beta)
    {
        int nv = model.Visible, nh = model.Hidden;
        var energies = new List<double>();
        for (long vi = 0; vi < 1L << nv; vi++)
        for (long hi = 0; hi < 1L << nh; hi++)
        {
            var energy = 0.0;
            for (var i = 0; i < nv; i++)
            for (var j = 0; j < nh; j++)
                energy -= RbmTestModels.Bit(vi, i) * model.Weights[i, j] * RbmTestModels.Bit(hi, j);
            for (var i = 0; i < nv; i++) energy -= model.VisibleBias[i] * RbmTestModels.Bit(vi, i);
            for (var j = 0; j < nh; j++) energy -= model.HiddenBias[j] * RbmTestModels.Bit(hi, j);
            energies.Add(energy);
        }

        var logZ = RbmTestModels.LogSumExp(energies.Select(e => -beta * e).ToList());
        var probabilities = energies.Select(e => Math.Exp(-beta * e - logZ)).ToList();
        var mean = energies.Zip(probabilities, (e, p) => p * e).Sum();
        var variance = energies.Zip(probabilities, (e, p) => p * (e - mean) * (e - mean)).Sum();
        return (logZ, mean, variance);
    }
}
