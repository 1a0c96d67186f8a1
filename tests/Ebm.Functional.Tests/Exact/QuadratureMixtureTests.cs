using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using MathNet.Numerics.Integration;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Quadrature of E = -log sum_k w_k N(x; mu_k, sigma_k^2 I) against exact answers:
/// at beta = 1, Z = sum_k w_k; at beta = 2, Z = integral (sum_k w_k N_k)^2 =
/// sum_jk w_j w_k N(mu_j; mu_k, (sigma_j^2 + sigma_k^2) I); for one component at any beta,
/// exp(-beta E) = w^beta (2 pi sigma^2)^(-beta) exp(-beta |x - mu|^2 / (2 sigma^2)), so
/// Z = w^beta (2 pi sigma^2)^(1 - beta) / beta, and beta |x - mu|^2 / (2 sigma^2) is a Gamma(1) variable:
/// U = -log w + log(2 pi sigma^2) + 1 / beta, Var(E) = 1 / beta^2.
/// </summary>
public sealed class QuadratureMixtureTests
{
    /// <summary>The accuracy the quadrature promises, relative.</summary>
    private const double Accuracy = 1e-10;

    public static TheoryData<string> MixtureNames => new() { "overlapping", "three-unequal", "far-apart" };

    [Theory]
    [MemberData(nameof(MixtureNames))]
    public void At_beta_one_the_partition_function_is_the_total_weight(string name)
    {
        var mixture = Mixture(name);
        var exact = (ExactResult)ToyExact.Compute(mixture, 1.0);
        var total = 0.0;
        for (var k = 0; k < mixture.Weights.Length; k++) total += mixture.Weights[k];
        AssertClose(Math.Log(total), exact.LogZ, Math.Max(1.0, Math.Abs(Math.Log(total))));
    }

    [Theory]
    [MemberData(nameof(MixtureNames))]
    public void At_beta_two_the_partition_function_is_the_sum_of_pairwise_overlaps(string name)
    {
        var mixture = Mixture(name);
        var exact = (ExactResult)ToyExact.Compute(mixture, 2.0);
        var z = 0.0;
        for (var j = 0; j < mixture.Weights.Length; j++)
        for (var k = 0; k < mixture.Weights.Length; k++)
        {
            var variance = mixture.Sigmas[j] * mixture.Sigmas[j] + mixture.Sigmas[k] * mixture.Sigmas[k];
            double dx = mixture.Means[j, 0] - mixture.Means[k, 0], dy = mixture.Means[j, 1] - mixture.Means[k, 1];
            z += mixture.Weights[j] * mixture.Weights[k] * Math.Exp(-(dx * dx + dy * dy) / (2.0 * variance)) / (2.0 * Math.PI * variance);
        }

        AssertClose(Math.Log(z), exact.LogZ, Math.Max(1.0, Math.Abs(Math.Log(z))));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(7.5)]
    public void One_component_matches_the_Gaussian_closed_form_at_any_beta(double beta)
    {
        const double w = 2.5, sigma = 0.7;
        var mixture = (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(w), Mat.FromRows([[1.0, -2.0]]), Vec.Of(sigma));
        var exact = (ExactResult)ToyExact.Compute(mixture, beta);
        var logNormaliser = Math.Log(2.0 * Math.PI * sigma * sigma);
        var logZ = beta * Math.Log(w) + (1.0 - beta) * logNormaliser - Math.Log(beta);
        var mean = -Math.Log(w) + logNormaliser + 1.0 / beta;
        AssertClose(logZ, exact.LogZ, Math.Max(1.0, Math.Abs(logZ)));
        AssertClose(mean, exact.MeanEnergy, Math.Abs(mean) + 1.0 / beta);
        AssertClose(1.0 / (beta * beta), exact.EnergyVariance, 1.0 / (beta * beta));
    }

    [Fact]
    public void Mean_and_variance_at_beta_one_match_an_independent_Gauss_Legendre_integral()
    {
        // No closed form for U here: a panelled 2-D Gauss-Legendre rule (MathNet) is the reference,
        // and its own Z is first checked against the exact total weight.
        var mixture = Mixture("overlapping");
        var exact = (ExactResult)ToyExact.Compute(mixture, 1.0);
        double z = 0, first = 0, second = 0;
        const int panels = 24;
        const double low = -9.0, high = 9.0, width = (high - low) / panels;
        for (var i = 0; i < panels; i++)
        for (var j = 0; j < panels; j++)
        {
            double x0 = low + i * width, y0 = low + j * width;
            z += GaussLegendreRule.Integrate((x, y) => Math.Exp(-mixture.Energy([x, y])), x0, x0 + width, y0, y0 + width, 24);
            first += GaussLegendreRule.Integrate((x, y) => mixture.Energy([x, y]) * Math.Exp(-mixture.Energy([x, y])), x0, x0 + width, y0, y0 + width, 24);
            second += GaussLegendreRule.Integrate((x, y) => Math.Pow(mixture.Energy([x, y]), 2) * Math.Exp(-mixture.Energy([x, y])), x0, x0 + width, y0, y0 + width, 24);
        }

        Assert.True(Math.Abs(z - 1.0) <= 1e-12, $"the reference integral gives Z = {z:R}, expected the total weight 1");
        var mean = first / z;
        var variance = second / z - mean * mean;
        AssertClose(mean, exact.MeanEnergy, Math.Abs(mean) + Math.Sqrt(variance));
        AssertClose(variance, exact.EnergyVariance, variance);
    }

    private static GaussianMixture2D Mixture(string name) => name switch
    {
        "overlapping" => (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(0.3, 0.7), Mat.FromRows([[-1.0, 0.0], [1.0, 0.5]]), Vec.Of(0.6, 1.0)),
        "three-unequal" => (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(1.0, 2.0, 0.5), Mat.FromRows([[0.0, 0.0], [3.0, 3.0], [-4.0, 2.0]]), Vec.Of(1.0, 0.3, 2.0)),
        "far-apart" => (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(1.0, 1.0), Mat.FromRows([[-20.0, 0.0], [20.0, 0.0]]), Vec.Of(0.2, 0.2)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown mixture"),
    };

    private static void AssertClose(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= Accuracy * scale, $"expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):G3})");
}
