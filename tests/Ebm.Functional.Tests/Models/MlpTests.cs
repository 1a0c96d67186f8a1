using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Models;

/// <summary>
/// The network, its activations and the two models on it, against hand-computed values and closed forms.
/// </summary>
public sealed class MlpTests
{
    /// <summary>
    /// u -&gt; tanh(W1 u + b1) -&gt; W2 a + b2 with W1 = [[1, -1], [0.5, 2]], b1 = (0.1, -0.2), W2 = [[2, -3]], b2 = 0.5.
    /// </summary>
    private static readonly Mlp Small = Mlp.Create(
            Seq(new MlpLayer(Mat.FromRows([[1.0, -1.0], [0.5, 2.0]]), Vec.Of(0.1, -0.2)), new MlpLayer(Mat.FromRows([[2.0, -3.0]]), Vec.Of(0.5))),
            MlpActivation.Tanh)
        .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void Forward_is_the_composition_of_the_layers()
    {
        var outputs = Small.Forward(Mat.FromRows([[0.3, -0.7], [0.0, 0.0]]));
        // Row 1: z = (0.3 + 0.7 + 0.1, 0.15 - 1.4 - 0.2) = (1.1, -1.45).
        Assert.Equal(2 * Math.Tanh(1.1) - 3 * Math.Tanh(-1.45) + 0.5, outputs[0, 0], 14);
        Assert.Equal(2 * Math.Tanh(0.1) - 3 * Math.Tanh(-0.2) + 0.5, outputs[1, 0], 14);
    }

    [Fact]
    public void Input_gradient_is_the_chain_rule_by_hand()
    {
        var g = Small.InputGradients(Mat.FromRows([[0.3, -0.7]]), Mat.FromRows([[1.0]]));
        double s1 = 1 - Math.Tanh(1.1) * Math.Tanh(1.1), s2 = 1 - Math.Tanh(-1.45) * Math.Tanh(-1.45);
        // grad = W1^T (W2^T * act'(z)) = (2 s1 * 1 - 3 s2 * 0.5, 2 s1 * -1 - 3 s2 * 2).
        Assert.Equal(2 * s1 - 1.5 * s2, g[0, 0], 14);
        Assert.Equal(-2 * s1 - 6 * s2, g[0, 1], 14);
    }

    [Theory]
    [InlineData(MlpActivation.Softplus, 0.6931471805599453, 0.5, 0.25, 0.0)]
    [InlineData(MlpActivation.Tanh, 0.0, 1.0, 0.0, -2.0)]
    [InlineData(MlpActivation.Silu, 0.0, 0.5, 0.5, 0.0)]
    public void Activations_and_their_derivatives_at_zero(MlpActivation activation, double value, double first, double second, double third)
    {
        var d = Mlp.Derivatives(activation, 0.0);
        Assert.Equal(value, d[0], 15);
        Assert.Equal(first, d[1], 15);
        Assert.Equal(second, d[2], 15);
        Assert.Equal(third, d[3], 15);
    }

    /// <summary>
    /// Each derivative is the central difference of the one before (h = 1e-5: truncation h² |act^(k+2)| / 6 below 1e-10
    /// for these activations, whose derivatives are bounded by 2, rounding eps |act^(k)| / h below 1e-9 for |z| &lt;= 30),
    /// so 1e-7 (1 + |value|) catches any wrong formula and passes any right one.
    /// </summary>
    [Theory]
    [InlineData(MlpActivation.Softplus)]
    [InlineData(MlpActivation.Tanh)]
    [InlineData(MlpActivation.Silu)]
    public void Each_derivative_is_the_difference_of_the_one_before(MlpActivation activation)
    {
        const double h = 1e-5;
        foreach (var z in new[] { -30.0, -6.0, -1.3, -0.2, 0.0, 0.45, 2.5, 7.0, 30.0 })
        {
            var at = Mlp.Derivatives(activation, z);
            double[] up = Mlp.Derivatives(activation, z + h), down = Mlp.Derivatives(activation, z - h);
            for (var k = 1; k < 4; k++)
            {
                var difference = (up[k - 1] - down[k - 1]) / (2 * h);
                Assert.True(Math.Abs(difference - at[k]) <= 1e-7 * (1 + Math.Abs(difference)), $"{activation} derivative {k} at {z}: {at[k]:R}, difference {difference:R}");
            }
        }
    }

    [Fact]
    public void Softplus_keeps_its_digits_far_in_the_tails()
    {
        // softplus(-40) = log1p(e^-40) = e^-40 (1 - e^-40 / 2 ...): relative accuracy, not just absolute.
        Assert.Equal(Math.Exp(-40), Mlp.Activate(MlpActivation.Softplus, -40), Math.Exp(-40) * 1e-14);
        Assert.Equal(40 + Math.Exp(-40), Mlp.Activate(MlpActivation.Softplus, 40), 1e-13);
        // softplus'' = s q at z = 40 is e^-40 / (1 + e^-40)^2, not a rounding error of 1 - s.
        Assert.Equal(Math.Exp(-40), Mlp.Derivatives(MlpActivation.Softplus, 40)[2], Math.Exp(-40) * 1e-13);
        foreach (var z in new[] { -40.0, -1.5, 0.0, 3.0, 40.0 }) Assert.Equal(LogSpace.Softplus(z), Mlp.Activate(MlpActivation.Softplus, z));
        Assert.Equal(1.0, Mlp.Slope(MlpActivation.Silu, 800), 15);
        Assert.Equal(0.0, Mlp.Activate(MlpActivation.Silu, -800), 15);
    }

    [Theory]
    [InlineData(MlpActivation.Softplus)]
    [InlineData(MlpActivation.Tanh)]
    [InlineData(MlpActivation.Silu)]
    public void A_row_has_the_same_bits_alone_and_in_any_batch(MlpActivation activation)
    {
        // 3 units: a single row's layer is shorter than a SIMD vector (padded); 7 and 5: a ragged end (overlapped).
        foreach (var hidden in new[] { new[] { 7, 5 }, [3] })
            AssertRowsAlone(MlpTestNetworks.Energy(21, activation, 3, hidden));
    }

    private static void AssertRowsAlone(MlpEnergy model)
    {
        var xs = MlpTestNetworks.Points(22, 13, 3);
        var batch = model.Energies(xs);
        var gradients = model.InputGradients(xs);
        for (var r = 0; r < xs.Rows; r++)
        {
            var single = Mat.From(1, 3, xs.Row(r));
            Assert.Equal(batch[r], model.Energies(single)[0]);
            Assert.True(gradients.Row(r).SequenceEqual(model.InputGradients(single).Row(0)), $"row {r}");
        }
    }

    [Fact]
    public void The_energy_in_data_units_is_the_network_at_the_scaled_point()
    {
        var model = MlpTestNetworks.Energy(23, MlpActivation.Silu, 2, [4]);
        var xs = MlpTestNetworks.Points(24, 5, 2);
        var u = Mat.Create(5, 2, d =>
        {
            for (var r = 0; r < 5; r++) model.Scaling.Apply(xs.Row(r), d.Slice(2 * r, 2));
        });
        Assert.Equal(model.Network.Forward(u).Span.ToArray(), model.Energies(xs).Span.ToArray());
        // Shift (0.3, -0.6), scale (2, 0.5): u = ((x - 0.3) / 2, (y + 0.6) / 0.5).
        Assert.Equal((xs[0, 0] - 0.3) / 2, u[0, 0], 15);
        Assert.Equal((xs[0, 1] + 0.6) / 0.5, u[0, 1], 15);
    }

    [Fact]
    public void Classifier_energy_is_minus_logsumexp_and_probabilities_sum_to_one_even_for_huge_logits()
    {
        var huge = Mlp.Create(Seq1(new MlpLayer(Mat.FromRows([[800.0, 0.0], [0.0, 800.0], [-800.0, 0.0]]), Vec.Of(0.0, 0.0, 0.0))), MlpActivation.Softplus)
            .Bind(n => MlpClassifier.Create(n))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var xs = Mat.FromRows([[1.0, 1.0], [0.5, -2.0]]);
        var p = huge.Probabilities(xs);
        var energies = huge.Energies(xs);
        // Row 1: logits (800, 800, -800): log Z = 800 + log 2; p = (1/2, 1/2, 0).
        Assert.Equal(-(800 + Math.Log(2)), energies[0], 12);
        Assert.Equal(0.5, p[0, 0], 15);
        Assert.Equal(0.0, p[0, 2], 15);
        for (var r = 0; r < 2; r++) Assert.Equal(1.0, p.Row(r).ToArray().Sum(), 15);
        // E's gradient is -sum_y p_y grad f_y: row 1, -(1/2)(800, 0) - (1/2)(0, 800).
        Assert.Equal([-400.0, -400.0], huge.InputGradients(xs).Row(0).ToArray());
    }

    [Fact]
    public void Models_reject_a_wrong_number_of_outputs_or_a_scaling_of_another_dimension()
    {
        var two = Mlp.Create(Seq1(new MlpLayer(Mat.FromRows([[1.0, 0.0], [0.0, 1.0]]), Vec.Of(0.0, 0.0))), MlpActivation.Tanh).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Contains("expected 1 (the energy)", MlpEnergy.Create(two).Match(_ => "", e => e.Head.Message));
        Assert.Contains("expected at least 2", MlpClassifier.Create(Small).Match(_ => "", e => e.Head.Message));
        Assert.Contains("expected 2 (the network's inputs)", MlpEnergy.Create(Small, MlpTestNetworks.Scaling(3)).Match(_ => "", e => e.Head.Message));
    }

    [Fact]
    public void A_network_whose_layers_do_not_chain_is_rejected_with_the_layer_named()
    {
        var result = Mlp.Create(Seq(new MlpLayer(Mat.FromRows([[1.0, 0.0]]), Vec.Of(0.0)), new MlpLayer(Mat.FromRows([[1.0, 2.0]]), Vec.Of(0.0))), MlpActivation.Silu);
        Assert.Contains("layers[2]: takes 2 inputs, but layer 1 has 1 outputs", result.Match(_ => "", e => string.Join("; ", e.Map(x => x.Message))));
    }
}
