using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The MLP families' parameter layout, their initialisation, and the linearity and closed forms of their derivatives.</summary>
public sealed class MlpTrainingTests
{
    private static readonly Mlp Small = Mlp.Create(
            Seq(new MlpLayer(Mat.FromRows([[1.0, -1.0], [0.5, 2.0]]), Vec.Of(0.1, -0.2)), new MlpLayer(Mat.FromRows([[2.0, -3.0]]), Vec.Of(0.5))),
            MlpActivation.Softplus)
        .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static readonly MlpEnergy SmallEnergy = MlpEnergy.Create(Small, MlpTestNetworks.Scaling(2)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void The_layout_is_each_layer_weights_row_major_then_bias_and_decay_acts_on_weights_only()
    {
        Assert.Equal([1.0, -1.0, 0.5, 2.0, 0.1, -0.2, 2.0, -3.0, 0.5], MlpTraining.Parameters.ToVector(SmallEnergy).Span.ToArray());
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0], MlpTraining.Parameters.DecayMask(SmallEnergy).Span.ToArray());
        Assert.Equal("mlp", MlpTraining.Parameters.Family);
        Assert.Equal("mlp-classifier", MlpTraining.ClassifierParameters.Family);
    }

    [Fact]
    public void From_vector_replaces_the_parameters_and_keeps_activation_and_scaling()
    {
        var values = Vec.Of(2.0, -1.0, 0.5, 2.0, 0.1, -0.2, 2.0, -3.0, 0.75);
        var model = MlpTraining.Parameters.FromVector(SmallEnergy, values).Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(values, MlpTraining.Parameters.ToVector(model));
        Assert.Equal(SmallEnergy.Scaling, model.Scaling);
        Assert.Equal(MlpActivation.Softplus, model.Network.Activation);
        Assert.Equal(SmallEnergy, MlpTraining.Parameters.FromVector(SmallEnergy, MlpTraining.Parameters.ToVector(SmallEnergy)).Match(m => m, e => throw new InvalidOperationException(e.Message)));
    }

    [Fact]
    public void From_vector_refuses_a_wrong_length_or_a_non_finite_parameter()
    {
        var shortVector = MlpTraining.Parameters.FromVector(SmallEnergy, Vec.Zeros(8));
        Assert.Equal(TrainingErrors.ParameterLengthCode, shortVector.Match(_ => 0, e => e.Code));
        Assert.Equal("mlp: expected 9 parameters, got 8", shortVector.Match(_ => "", e => e.Message));
        var nan = MlpTraining.Parameters.FromVector(SmallEnergy, Vec.Of(double.NaN, -1.0, 0.5, 2.0, 0.1, -0.2, 2.0, -3.0, 0.5));
        Assert.Contains("layers[1].weights", nan.Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Initialisation_is_seeded_with_zero_biases()
    {
        var key = RngKey.FromSeed(42);
        var a = MlpTraining.InitialiseEnergy(key, 2, [16, 8], MlpActivation.Silu).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var b = MlpTraining.InitialiseEnergy(key, 2, [16, 8], MlpActivation.Silu).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var other = MlpTraining.InitialiseEnergy(RngKey.FromSeed(43), 2, [16, 8], MlpActivation.Silu).Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(a, b);
        Assert.NotEqual(a.Network.Layers[0].Weights, other.Network.Layers[0].Weights);
        Assert.All(a.Network.Layers, layer => Assert.All(layer.Bias.Span.ToArray(), x => Assert.Equal(0.0, x)));
        Assert.Equal([2, 16, 8], a.Network.Layers.Map(l => l.Inputs).ToArray());
        Assert.Equal(1, a.Network.Outputs);
    }

    /// <summary>
    /// A 400 x 400 hidden layer has N = 160,000 weights; their mean square estimates the variance with relative standard
    /// error sqrt(2 / N) = 0.0035, so 5 standard errors (a false failure probability below 1e-6) tell He's 2 / 400 from
    /// Glorot's 2 / 800 and from any other rule.
    /// </summary>
    [Theory]
    [InlineData(MlpActivation.Softplus, 2.0 / 400)]
    [InlineData(MlpActivation.Silu, 2.0 / 400)]
    [InlineData(MlpActivation.Tanh, 2.0 / 800)]
    public void Hidden_weights_have_the_variance_of_he_or_glorot(MlpActivation activation, double variance)
    {
        var network = MlpTraining.Initialise(RngKey.FromSeed(7), 2, [400, 400], 1, activation).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var weights = network.Layers[1].Weights.Span;
        var meanSquare = 0.0;
        foreach (var w in weights) meanSquare += w * w / weights.Length;
        Assert.InRange(meanSquare / variance, 1 - 5 * Math.Sqrt(2.0 / weights.Length), 1 + 5 * Math.Sqrt(2.0 / weights.Length));
    }

    [Fact]
    public void Initialisation_reports_every_bad_setting_by_name()
    {
        var message = MlpTraining.Initialise(RngKey.FromSeed(1), 0, [3, -1], 0, MlpActivation.Tanh).Match(_ => "", e => e.Message);
        Assert.Contains("inputs: is 0", message);
        Assert.Contains("hidden layer 2: is -1", message);
        Assert.Contains("outputs: is 0", message);
        var scaling = MlpTraining.InitialiseEnergy(RngKey.FromSeed(1), 3, [4], MlpActivation.Tanh, MlpTestNetworks.Scaling(2));
        Assert.Equal(TrainingErrors.InvalidSettingCode, scaling.Match(_ => 0, e => e.Code));
        Assert.Contains("scaling: has 2 coordinates, expected 3", scaling.Match(_ => "", e => e.Message));
        Assert.Contains("classes: is 1", MlpTraining.InitialiseClassifier(RngKey.FromSeed(1), 2, [4], 1, MlpActivation.Tanh).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void A_unit_weight_on_one_row_gives_that_example_s_gradient()
    {
        var model = MlpTestNetworks.Energy(31, MlpActivation.Tanh, 3, [6, 4]);
        var xs = MlpTestNetworks.Points(32, 5, 3);
        for (var r = 0; r < xs.Rows; r++)
        {
            var unit = Vec.Create(xs.Rows, d => d[r] = 1.0);
            var alone = MlpTraining.Derivatives.ParameterGradient(model, Mat.From(1, 3, xs.Row(r)), Vec.Of(1.0));
            AssertClose(alone, MlpTraining.Derivatives.ParameterGradient(model, xs, unit));
        }
    }

    [Fact]
    public void Parameter_gradients_are_linear_in_the_weights_and_the_directions()
    {
        var model = MlpTestNetworks.Energy(33, MlpActivation.Softplus, 2, [5, 5]);
        var xs = MlpTestNetworks.Points(34, 6, 2);
        Vec a = Vec.Create(6, d => RngKey.FromSeed(35).Normal(d)), b = Vec.Create(6, d => RngKey.FromSeed(36).Normal(d));
        var d = MlpTraining.Derivatives;
        AssertClose(
            Combine(d.ParameterGradient(model, xs, a), 0.7, d.ParameterGradient(model, xs, b), -1.9),
            d.ParameterGradient(model, xs, Combine(a, 0.7, b, -1.9)));
        Mat u = MlpTestNetworks.Points(37, 6, 2), v = MlpTestNetworks.Points(38, 6, 2);
        var mixed = Mat.Create(6, 2, m =>
        {
            for (var i = 0; i < m.Length; i++) m[i] = 0.7 * u.Span[i] - 1.9 * v.Span[i];
        });
        AssertClose(
            Combine(d.DirectionalParameterGradient(model, xs, u), 0.7, d.DirectionalParameterGradient(model, xs, v), -1.9),
            d.DirectionalParameterGradient(model, xs, mixed));
    }

    [Fact]
    public void Curvature_is_quadratic_in_the_direction_to_the_bit()
    {
        var model = MlpTestNetworks.Energy(39, MlpActivation.Silu, 2, [5, 3]);
        var xs = MlpTestNetworks.Points(40, 6, 2);
        var v = MlpTestNetworks.Points(41, 6, 2);
        var twice = Mat.Create(6, 2, m =>
        {
            for (var i = 0; i < m.Length; i++) m[i] = 2 * v.Span[i];
        });
        var (c1, g1) = MlpTraining.Derivatives.Curvature(model, xs, v);
        var (c2, g2) = MlpTraining.Derivatives.Curvature(model, xs, twice);
        // Doubling is exact in binary floating point, so every jet term scales by exactly 2 or 4.
        Assert.Equal(c1.Span.ToArray().Select(x => 4 * x), c2.Span.ToArray());
        Assert.Equal(g1.Span.ToArray().Select(x => 4 * x), g2.Span.ToArray());
    }

    [Fact]
    public void The_laplacian_of_one_softplus_unit_is_its_closed_form()
    {
        // E(x) = w2 softplus(w1 . u + b1) + b2, u = (x - shift) / scale: Laplacian = w2 softplus''(z) sum_i (w1_i / scale_i)^2.
        var network = Mlp.Create(Seq(new MlpLayer(Mat.FromRows([[0.8, -1.3]]), Vec.Of(0.25)), new MlpLayer(Mat.FromRows([[1.7]]), Vec.Of(-0.4))), MlpActivation.Softplus)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var model = MlpEnergy.Create(network, MlpTestNetworks.Scaling(2)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var xs = Mat.FromRows([[0.9, -0.2], [-2.5, 1.1]]);
        var laplacians = new double[2];
        foreach (var i in new[] { 0, 1 })
        {
            var unit = Mat.Create(2, 2, d => d[i] = d[2 + i] = 1.0);
            var (curvatures, _) = MlpTraining.Derivatives.Curvature(model, xs, unit);
            for (var r = 0; r < 2; r++) laplacians[r] += curvatures[r];
        }

        for (var r = 0; r < 2; r++)
        {
            double u0 = (xs[r, 0] - 0.3) / 2, u1 = (xs[r, 1] + 0.6) / 0.5, z = 0.8 * u0 - 1.3 * u1 + 0.25;
            var s = 1 / (1 + Math.Exp(-z));
            var expected = 1.7 * s * (1 - s) * (0.8 / 2 * (0.8 / 2) + 1.3 / 0.5 * (1.3 / 0.5));
            Assert.Equal(expected, laplacians[r], 13);
        }
    }

    [Fact]
    public void An_affine_energy_has_no_curvature()
    {
        var network = Mlp.Create(Seq1(new MlpLayer(Mat.FromRows([[0.8, -1.3]]), Vec.Of(0.25))), MlpActivation.Tanh).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var model = MlpEnergy.Create(network).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var xs = MlpTestNetworks.Points(42, 3, 2);
        var (curvatures, gradient) = MlpTraining.Derivatives.Curvature(model, xs, MlpTestNetworks.Points(43, 3, 2));
        Assert.All(curvatures.Span.ToArray(), c => Assert.Equal(0.0, c));
        Assert.All(gradient.Span.ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void An_empty_minibatch_has_no_energies_and_zero_gradients()
    {
        var empty = Mat.Zeros(0, 2);
        var d = MlpTraining.Derivatives;
        Assert.Equal(0, d.Energies(SmallEnergy, empty).Length);
        Assert.Equal(0, d.InputGradients(SmallEnergy, empty).Rows);
        Assert.All(d.ParameterGradient(SmallEnergy, empty, Vec.Empty).Span.ToArray(), g => Assert.Equal(0.0, g));
        Assert.All(d.DirectionalParameterGradient(SmallEnergy, empty, empty).Span.ToArray(), g => Assert.Equal(0.0, g));
        var (curvatures, gradient) = d.Curvature(SmallEnergy, empty, empty);
        Assert.Equal(0, curvatures.Length);
        Assert.Equal(9, gradient.Length);
    }

    [Fact]
    public void Shapes_that_do_not_fit_the_model_are_programming_errors_named_by_argument()
    {
        var xs = Mat.Zeros(3, 2);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => MlpTraining.Derivatives.ParameterGradient(SmallEnergy, xs, Vec.Zeros(2))).ParamName);
        Assert.Equal("directions", Assert.Throws<ArgumentException>(() => MlpTraining.Derivatives.Curvature(SmallEnergy, xs, Mat.Zeros(2, 2))).ParamName);
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => MlpTraining.Derivatives.Energies(SmallEnergy, Mat.Zeros(3, 3))).ParamName);
    }

    private static Vec Combine(Vec a, double alpha, Vec b, double beta) => Vec.Create(a.Length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = alpha * a[i] + beta * b[i];
    });

    /// <summary>Equal up to the rounding of a few dozen sums of terms of order one: 1e-12 relative to (1 + |value|).</summary>
    private static void AssertClose(Vec expected, Vec actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * (1 + Math.Abs(expected[i])), $"entry {i}: {expected[i]:R} vs {actual[i]:R}");
    }
}
