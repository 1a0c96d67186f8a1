using System.Numerics.Tensors;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// An <see cref="Mlp"/> with K &gt;= 2 outputs read as class logits f(x): p(y | x) = softmax(f(x))[y], and the
/// unnormalised energy E(x) = -logsumexp_y f(x)[y] of the joint energy-based model (Grathwohl et al. 2020, "Your
/// classifier is secretly an energy based model and you should treat it like one"). Inputs pass through the
/// <see cref="InputScaling"/> first, as in <see cref="MlpEnergy"/>.
/// </summary>
public sealed record MlpClassifier : IContinuousModel
{
    private MlpClassifier(Mlp network, InputScaling scaling) => (Network, Scaling) = (network, scaling);

    /// <summary>The network f, one output per class.</summary>
    public Mlp Network { get; }

    /// <summary>Data units to network units.</summary>
    public InputScaling Scaling { get; }

    /// <summary>Classes K.</summary>
    public int Classes => Network.Outputs;

    /// <summary>"mlp-classifier".</summary>
    public string Kind => "mlp-classifier";

    /// <summary>Coordinates of x.</summary>
    public int Dimension => Network.Inputs;

    /// <summary>Validates and builds the classifier: a network with at least two outputs and a scaling on its inputs (identity when null).</summary>
    public static Validation<Error, MlpClassifier> Create(Mlp network, InputScaling? scaling = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var errors = new List<Error>();
        if (network.Outputs < 2) errors.Add(ModelErrors.InvalidField("layers", $"the last layer has {network.Outputs} outputs, expected at least 2 (one logit per class)"));
        if (scaling is not null && scaling.Dimension != network.Inputs)
            errors.Add(ModelErrors.InvalidField("scaling", $"has {scaling.Dimension} coordinates, expected {network.Inputs} (the network's inputs)"));
        return FieldChecks.Result(errors, () => new MlpClassifier(network, scaling ?? InputScaling.Identity(network.Inputs)));
    }

    /// <summary>The logits f(x) of each row: n x K.</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Mat Logits(Mat xs)
    {
        var u = MlpInputs.Points(Scaling, xs, nameof(xs));
        using var jets = MlpJets.Forward(Network, u, [], xs.Rows, 0, reversible: false);
        return Mat.From(xs.Rows, Classes, jets.OutputBlock(0));
    }

    /// <summary>p(y | x) of each row: n x K, rows summing to one.</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Mat Probabilities(Mat xs) => Mat.Wrap(xs?.Rows ?? 0, Classes, Softmax(Logits(xs!).Span.ToArray(), Classes));

    /// <summary>E(x) = -logsumexp f(x).</summary>
    /// <exception cref="ArgumentException">x does not have <see cref="Dimension"/> coordinates.</exception>
    public double Energy(ReadOnlySpan<double> x) => Energies(MlpInputs.Point(Scaling, x, nameof(x)))[0];

    /// <summary>E of each row.</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Vec Energies(Mat xs)
    {
        var logits = Logits(xs);
        return Vec.Create(logits.Rows, d =>
        {
            for (var r = 0; r < logits.Rows; r++) d[r] = -LogSpace.LogSumExp(logits.Row(r));
        });
    }

    /// <summary>The gradient of E in x (data units): -sum_y p(y | x) grad f_y(x).</summary>
    /// <exception cref="ArgumentException">x or the destination does not have <see cref="Dimension"/> coordinates.</exception>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var point = MlpInputs.Point(Scaling, x, nameof(x));
        MlpInputs.CopyGradient(Scaling, InputGradients(point), gradient, nameof(gradient));
    }

    /// <summary>The gradient of E in x for each row (data units): -sum_y p(y | x) grad f_y(x).</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Mat InputGradients(Mat xs)
    {
        var u = MlpInputs.Points(Scaling, xs, nameof(xs));
        using var jets = MlpJets.Forward(Network, u, [], xs.Rows, 0);
        var seed = Softmax(jets.OutputBlock(0).ToArray(), Classes);
        for (var i = 0; i < seed.Length; i++) seed[i] = -seed[i];
        return MlpInputs.Gradients(Scaling, jets.InputGradient(seed));
    }

    /// <summary>
    /// Row-wise softmax of n x K logits, in place, returning them: exp(f_k - max f) / sum_j exp(f_j - max f), which keeps
    /// the digits that exp(f_k - logsumexp f) loses to the rounding of a large logsumexp.
    /// </summary>
    private static double[] Softmax(double[] logits, int classes)
    {
        for (var r = 0; r < logits.Length / classes; r++)
        {
            var row = logits.AsSpan(r * classes, classes);
            var max = TensorPrimitives.Max(row);
            var sum = 0.0;
            for (var k = 0; k < classes; k++) sum += row[k] = Math.Exp(row[k] - max);
            TensorPrimitives.Divide(row, sum, row);
        }

        return logits;
    }
}
