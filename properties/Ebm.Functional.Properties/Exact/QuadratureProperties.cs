using Ebm.Functional.Exact;
using Ebm.Functional.Properties.Models;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// Quadrature agrees with exact answers on random instances: any 2-D Gaussian against the closed
/// form, any mixture at beta = 1 (Z = sum_k w_k) and beta = 2 (Z = sum_jk w_j w_k N(mu_j; mu_k,
/// (sigma_j^2 + sigma_k^2) I)), all to the promised 1e-10 relative.
/// </summary>
[Properties(Arbitrary = [typeof(ContinuousArbitraries), typeof(GaussianExactProperties)], MaxTest = 25)]
public sealed class QuadratureProperties
{
    private const double Accuracy = 1e-10;

    [Property]
    public bool Two_dimensional_Gaussians_match_the_closed_form(ContinuousArbitraries.PlaneGaussianCase c, GaussianExactProperties.Beta beta)
    {
        var closed = GaussianExact.Compute(c.Model, beta.Value);
        var quadrature = (ExactResult)ToyExact.Compute(c.Model, beta.Value);
        return Math.Abs(closed.LogZ - quadrature.LogZ) <= Accuracy * Math.Max(1, Math.Abs(closed.LogZ))
               && Math.Abs(closed.MeanEnergy - quadrature.MeanEnergy) <= Accuracy * closed.MeanEnergy
               && Math.Abs(closed.EnergyVariance - quadrature.EnergyVariance) <= Accuracy * closed.EnergyVariance;
    }

    [Property(MaxTest = 15)]
    public bool Mixtures_at_beta_one_have_the_total_weight(ContinuousArbitraries.MixtureCase c)
    {
        var logTotal = Math.Log(c.Weights.Sum());
        var quadrature = (ExactResult)ToyExact.Compute(c.Model, 1.0);
        return Math.Abs(quadrature.LogZ - logTotal) <= Accuracy * Math.Max(1, Math.Abs(logTotal));
    }

    [Property(MaxTest = 15)]
    public bool Mixtures_at_beta_two_have_the_pairwise_overlap_sum(ContinuousArbitraries.MixtureCase c)
    {
        var z = 0.0;
        for (var j = 0; j < c.Weights.Length; j++)
        for (var k = 0; k < c.Weights.Length; k++)
        {
            var variance = c.Sigmas[j] * c.Sigmas[j] + c.Sigmas[k] * c.Sigmas[k];
            double dx = c.Means[2 * j] - c.Means[2 * k], dy = c.Means[2 * j + 1] - c.Means[2 * k + 1];
            z += c.Weights[j] * c.Weights[k] * Math.Exp(-(dx * dx + dy * dy) / (2 * variance)) / (2 * Math.PI * variance);
        }

        var quadrature = (ExactResult)ToyExact.Compute(c.Model, 2.0);
        return Math.Abs(quadrature.LogZ - Math.Log(z)) <= Accuracy * Math.Max(1, Math.Abs(Math.Log(z)));
    }
}
