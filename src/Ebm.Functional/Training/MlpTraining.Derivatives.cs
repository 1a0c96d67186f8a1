using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

public static partial class MlpTraining
{
    /// <summary>
    /// The exact derivatives of an <see cref="MlpEnergy"/> in data units, gradients in the layout of <see cref="Parameters"/>.
    /// </summary>
    /// <remarks>
    /// <para>Each function is one forward pass that carries Taylor jets in x (the value, and the first and second
    /// derivatives along a direction: <c>Order</c> 0, 1 or 2), then one reverse pass in θ over it, both batched over
    /// the rows through GEMM: ParameterGradient seeds the values with a, DirectionalParameterGradient seeds the first
    /// derivatives along U, Curvature seeds the second derivatives along V (and returns them as the curvatures).
    /// Forward-over-reverse would need a Hessian-vector product per row; the jets get the same numbers with one
    /// stacked GEMM per layer, exactly, with no tape and no mutable state outside the call.</para>
    /// <para>The input scaling's chain rule: a direction v in data units is the tangent v / scale in network units.</para>
    /// </remarks>
    public static EnergyDerivatives<MlpEnergy> Derivatives { get; } = new(
        (model, xs) => model.Energies(xs),
        (model, xs) => model.InputGradients(xs),
        EnergyParameterGradient,
        DirectionalParameterGradient,
        Curvature);

    /// <summary>
    /// The exact derivatives of an <see cref="MlpClassifier"/>'s logits in data units, gradients in the layout of
    /// <see cref="ClassifierParameters"/>: one forward pass and one reverse pass seeded with A.
    /// </summary>
    public static ClassifierDerivatives<MlpClassifier> ClassifierDerivatives { get; } = new(
        (model, xs) => model.Logits(xs),
        LogitParameterGradient,
        (model, xs) => model.InputGradients(xs));

    private static Vec EnergyParameterGradient(MlpEnergy model, Mat xs, Vec weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        var u = MlpInputs.Points(model.Scaling, xs, nameof(xs));
        if (weights.Length != xs.Rows) throw new ArgumentException($"has {weights.Length} entries, expected {xs.Rows} (one per row)", nameof(weights));
        using var jets = MlpJets.Forward(model.Network, u, [], xs.Rows, 0);
        return Vec.Wrap(jets.ParameterGradient(weights.Span));
    }

    private static Vec DirectionalParameterGradient(MlpEnergy model, Mat xs, Mat directions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var u = MlpInputs.Points(model.Scaling, xs, nameof(xs));
        var t = MlpInputs.Directions(model.Scaling, directions, xs.Rows, nameof(directions));
        using var jets = MlpJets.Forward(model.Network, u, t, xs.Rows, 1);
        return Vec.Wrap(jets.ParameterGradient(Ones(xs.Rows)));
    }

    private static (Vec Curvatures, Vec ParameterGradient) Curvature(MlpEnergy model, Mat xs, Mat directions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var u = MlpInputs.Points(model.Scaling, xs, nameof(xs));
        var t = MlpInputs.Directions(model.Scaling, directions, xs.Rows, nameof(directions));
        using var jets = MlpJets.Forward(model.Network, u, t, xs.Rows, 2);
        return (Vec.From(jets.OutputBlock(2)), Vec.Wrap(jets.ParameterGradient(Ones(xs.Rows))));
    }

    private static Vec LogitParameterGradient(MlpClassifier model, Mat xs, Mat weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        var u = MlpInputs.Points(model.Scaling, xs, nameof(xs));
        if (weights.Rows != xs.Rows || weights.Columns != model.Classes)
            throw new ArgumentException($"is {weights.Rows} x {weights.Columns}, expected {xs.Rows} x {model.Classes}", nameof(weights));
        using var jets = MlpJets.Forward(model.Network, u, [], xs.Rows, 0);
        return Vec.Wrap(jets.ParameterGradient(weights.Span));
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
