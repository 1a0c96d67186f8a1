using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Exact.RbmExactTests;

namespace Ebm.Functional.Tests.Exact;

public class GaussianBernoulliRbmExactTests
{
    public static TheoryData<int, int, double> QuadratureCases() => new()
    {
        { 1, 1, 0.5 }, { 1, 1, 1.0 }, { 1, 2, 1.0 }, { 1, 2, 2.0 }, { 2, 2, 0.7 }, { 2, 1, 1.5 },
    };

    [Theory]
    [MemberData(nameof(QuadratureCases))]
    public void Equals_numerical_quadrature_over_the_visible_units(int visible, int hidden, double beta)
    {
        var model = RbmTestModels.GaussianBernoulli(visible, hidden, 1.5, 1.0, (ulong)(10 * visible + hidden));
        var expected = Quadrature(model, beta, visible == 1 ? 4001 : 601);
        var actual = Succeeded(GaussianBernoulliRbmExact.Compute(model, beta));
        Assert.Equal("layer-sum", actual.Method);
        // Trapezoid sums of a Gaussian over +-14 standard deviations converge geometrically; what is left is rounding.
        AssertClose(expected.LogZ, actual.LogZ, 1e-11);
        AssertClose(expected.MeanEnergy, actual.MeanEnergy, 1e-11);
        AssertClose(expected.EnergyVariance, actual.EnergyVariance, 1e-10);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Without_couplings_it_is_a_product_of_gaussians_and_independent_bits(double beta)
    {
        var sigma = Vec.Of(0.5, 1.0, 2.0);
        var hiddenBias = Vec.Of(-1.0, 0.3, 2.0, 0.0);
        var model = GaussianBernoulliRbm.Create(Mat.Zeros(3, 4), Vec.Of(1.0, -2.0, 0.5), hiddenBias, sigma).Match(m => m, e => throw new InvalidOperationException());

        // log Z = sum_i log sqrt(2 pi sigma_i^2 / beta) + sum_j softplus(beta c_j); E = Gaussian part + (-c^T h).
        var logZ = 0.0;
        var mean = 1.5 / beta;
        var variance = 1.5 / (beta * beta);
        foreach (var s in sigma.ToArray()) logZ += 0.5 * Math.Log(2 * Math.PI * s * s / beta);
        foreach (var c in hiddenBias.ToArray())
        {
            var on = 1.0 / (1.0 + Math.Exp(-beta * c));
            logZ += Math.Log(1.0 + Math.Exp(beta * c));
            mean -= c * on;
            variance += c * c * on * (1.0 - on);
        }

        var actual = Succeeded(GaussianBernoulliRbmExact.Compute(model, beta));
        AssertClose(logZ, actual.LogZ, 1e-13);
        AssertClose(mean, actual.MeanEnergy, 1e-13);
        AssertClose(variance, actual.EnergyVariance, 1e-13);
    }

    [Fact]
    public void Gray_code_sum_equals_a_direct_sum_over_every_hidden_state()
    {
        var model = RbmTestModels.GaussianBernoulli(6, 13, 0.8, 1.0, 4);
        const double beta = 1.3;
        var g = new List<double>();
        for (long index = 0; index < 1L << model.Hidden; index++)
        {
            var h = RbmTestModels.State(index, model.Hidden);
            var value = 0.0;
            for (var j = 0; j < model.Hidden; j++) value += model.HiddenBias[j] * h[j];
            for (var i = 0; i < model.Visible; i++)
            {
                var w = 0.0;
                for (var j = 0; j < model.Hidden; j++) w += model.Weights[i, j] * h[j];
                value += model.VisibleBias[i] * w / model.Sigma[i] + 0.5 * w * w;
            }

            g.Add(value);
        }

        var logSum = RbmTestModels.LogSumExp(g.Select(x => beta * x).ToList());
        var logZ = logSum + 0.5 * model.Visible * Math.Log(2 * Math.PI / beta) + model.Sigma.ToArray().Sum(Math.Log);
        var meanG = g.Sum(x => Math.Exp(beta * x - logSum) * x);
        var varianceG = g.Sum(x => Math.Exp(beta * x - logSum) * (x - meanG) * (x - meanG));

        var actual = Succeeded(GaussianBernoulliRbmExact.Compute(model, beta));
        AssertClose(logZ, actual.LogZ, 1e-12);
        AssertClose(model.Visible / (2 * beta) - meanG, actual.MeanEnergy, 1e-12);
        AssertClose(model.Visible / (2 * beta * beta) + varianceG, actual.EnergyVariance, 1e-11);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Beta_must_be_positive(double beta) =>
        Assert.Equal(ExactErrors.InvalidBetaCode, Failed(GaussianBernoulliRbmExact.Compute(RbmTestModels.GaussianBernoulli(2, 2, 1, 1, 1), beta)).Code);

    [Fact]
    public void More_than_thirty_hidden_units_is_refused()
    {
        var error = Failed(GaussianBernoulliRbmExact.Compute(RbmTestModels.GaussianBernoulli(2, 31, 0.1, 0.1, 1), 1.0));
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("2 x 31", error.Message);
    }

    /// <summary>
    /// Trapezoid rule over a box holding the visible mass (|v_i - b_i| &lt;= sigma_i sum_j |W_ij| + 14 sigma_i / sqrt(beta)),
    /// summed over every h, with E(v,h) written out plainly.
    /// </summary>
    private static (double LogZ, double MeanEnergy, double EnergyVariance) Quadrature(GaussianBernoulliRbm model, double beta, int points)
    {
        int nv = model.Visible, nh = model.Hidden;
        var axes = new double[nv][];
        var steps = new double[nv];
        for (var i = 0; i < nv; i++)
        {
            var reach = 0.0;
            for (var j = 0; j < nh; j++) reach += Math.Abs(model.Weights[i, j]);
            var half = model.Sigma[i] * reach + 14 * model.Sigma[i] / Math.Sqrt(beta);
            steps[i] = 2 * half / (points - 1);
            axes[i] = Enumerable.Range(0, points).Select(k => model.VisibleBias[i] - half + k * steps[i]).ToArray();
        }

        var logTerms = new List<double>();
        var energies = new List<double>();
        var grid = nv == 1 ? points : points * points;
        for (long hIndex = 0; hIndex < 1L << nh; hIndex++)
        for (var k = 0; k < grid; k++)
        {
            var energy = 0.0;
            var logWeight = 0.0;
            for (var i = 0; i < nv; i++)
            {
                var at = i == 0 ? k % points : k / points;
                var v = axes[i][at];
                var s = model.Sigma[i];
                energy += (v - model.VisibleBias[i]) * (v - model.VisibleBias[i]) / (2 * s * s);
                for (var j = 0; j < nh; j++) energy -= v / s * model.Weights[i, j] * RbmTestModels.Bit(hIndex, j);
                logWeight += Math.Log(steps[i] * (at == 0 || at == points - 1 ? 0.5 : 1.0));
            }

            for (var j = 0; j < nh; j++) energy -= model.HiddenBias[j] * RbmTestModels.Bit(hIndex, j);
            energies.Add(energy);
            logTerms.Add(logWeight - beta * energy);
        }

        var logZ = RbmTestModels.LogSumExp(logTerms);
        var p = logTerms.Select(t => Math.Exp(t - logZ)).ToList();
        var mean = energies.Zip(p, (e, q) => q * e).Sum();
        var variance = energies.Zip(p, (e, q) => q * (e - mean) * (e - mean)).Sum();
        return (logZ, mean, variance);
    }
}
