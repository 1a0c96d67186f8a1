using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

public class GaussianBernoulliRbmTests
{
    private const double Tight = 1e-12;

    private static readonly GaussianBernoulliRbm Model = RbmTestModels.GaussianBernoulli(3, 4, 1.2, 1.0, 5);

    private static readonly double[][] Visibles = [[0.3, -1.2, 2.0], [0.0, 0.0, 0.0], [-2.5, 0.7, 1.1]];

    [Fact]
    public void Energy_of_a_hand_computed_state()
    {
        // nv = 1, nh = 2, W = [[2, -1]], b = 1, c = (0.5, 0), sigma = 2; v = 3, h = (1, 1):
        // (3 - 1)^2 / 8 - (3 / 2)(2 - 1) - 0.5 = 0.5 - 1.5 - 0.5 = -1.5.
        var model = GaussianBernoulliRbm.Create(Mat.FromRows([[2.0, -1.0]]), Vec.Of(1.0), Vec.Of(0.5, 0.0), Vec.Of(2.0)).Match(m => m, _ => throw new InvalidOperationException());
        Assert.Equal(-1.5, model.Energy([3.0, 1.0, 1.0]), Tight);
        Assert.Equal(-1.5, model.Energies(Mat.FromRows([[3.0, 1.0, 1.0]]))[0], Tight);
    }

    [Fact]
    public void Free_energy_is_minus_log_of_the_hidden_sum()
    {
        var free = Model.FreeEnergies(Mat.FromRows(Visibles));
        for (var r = 0; r < Visibles.Length; r++)
        {
            var terms = Enumerable.Range(0, 1 << Model.Hidden).Select(k => -Model.Energy(Visibles[r], RbmTestModels.State(k, Model.Hidden))).ToList();
            Assert.Equal(-RbmTestModels.LogSumExp(terms), Model.FreeEnergy(Visibles[r]), Tight);
            Assert.Equal(Model.FreeEnergy(Visibles[r]), free[r], Tight);
        }
    }

    [Fact]
    public void Hidden_conditionals_equal_brute_force_marginals_at_beta()
    {
        const double beta = 0.7;
        var probabilities = Model.HiddenProbabilities(Mat.FromRows(Visibles), beta);
        for (var r = 0; r < Visibles.Length; r++)
        for (var j = 0; j < Model.Hidden; j++)
        {
            var all = Enumerable.Range(0, 1 << Model.Hidden).Select(k => -beta * Model.Energy(Visibles[r], RbmTestModels.State(k, Model.Hidden))).ToList();
            var on = Enumerable.Range(0, 1 << Model.Hidden).Where(k => ((k >> j) & 1) == 1)
                .Select(k => -beta * Model.Energy(Visibles[r], RbmTestModels.State(k, Model.Hidden))).ToList();
            Assert.Equal(Math.Exp(RbmTestModels.LogSumExp(on) - RbmTestModels.LogSumExp(all)), probabilities[r, j], Tight);
        }
    }

    [Fact]
    public void Visible_conditional_is_the_gaussian_the_energy_describes()
    {
        // E(v,h) is quadratic in each v_i with curvature 1 / sigma_i^2 and its minimum at the conditional mean.
        double[] h = [1, 0, 1, 1];
        var mean = Model.VisibleMeans(Mat.FromRows([h])).Row(0).ToArray();
        var gradient = new double[Model.Visible];
        Model.EnergyVisibleGradient(mean, h, gradient);
        Assert.All(gradient, g => Assert.Equal(0.0, g, 1e-12));
        for (var i = 0; i < Model.Visible; i++)
        {
            var moved = (double[])mean.Clone();
            moved[i] += 0.5;
            var s = Model.Sigma[i];
            Assert.Equal(0.25 / (2 * s * s), Model.Energy(moved, h) - Model.Energy(mean, h), 1e-12);
            Assert.Equal(s / Math.Sqrt(2.5), Model.VisibleStandardDeviations(2.5)[i], Tight);
        }
    }

    [Fact]
    public void Free_energy_gradients_are_conditional_means_of_energy_gradients()
    {
        // dF/dx = sum_h p(h | v) dE(v,h)/dx for x = v and for every parameter.
        var v = Visibles[0];
        var logWeights = Enumerable.Range(0, 1 << Model.Hidden).Select(k => -Model.Energy(v, RbmTestModels.State(k, Model.Hidden))).ToList();
        var logNorm = RbmTestModels.LogSumExp(logWeights);
        var expectedVisible = new double[Model.Visible];
        var expectedParameters = new double[Model.Visible * Model.Hidden + 2 * Model.Visible + Model.Hidden];
        for (var k = 0; k < 1 << Model.Hidden; k++)
        {
            var p = Math.Exp(logWeights[k] - logNorm);
            var h = RbmTestModels.State(k, Model.Hidden);
            var g = new double[Model.Visible];
            Model.EnergyVisibleGradient(v, h, g);
            for (var i = 0; i < Model.Visible; i++) expectedVisible[i] += p * g[i];
            var flat = Flatten(Model.EnergyGradient(v, h));
            for (var a = 0; a < flat.Length; a++) expectedParameters[a] += p * flat[a];
        }

        var actualVisible = new double[Model.Visible];
        Model.FreeEnergyVisibleGradient(v, actualVisible);
        for (var i = 0; i < Model.Visible; i++) Assert.Equal(expectedVisible[i], actualVisible[i], Tight);
        var actualParameters = Flatten(Model.FreeEnergyGradient(Mat.FromRows([v])));
        for (var a = 0; a < expectedParameters.Length; a++) Assert.Equal(expectedParameters[a], actualParameters[a], Tight);
    }

    private static double[] Flatten(GaussianBernoulliRbmGradient g) =>
        [.. g.Weights.Span, .. g.VisibleBias.Span, .. g.HiddenBias.Span, .. g.Sigma.Span];
}
