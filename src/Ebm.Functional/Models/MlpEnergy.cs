using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A neural-network energy on continuous x: E(x) = f((x - shift) / scale), f a one-output <see cref="Mlp"/> and the
/// <see cref="InputScaling"/> the standardisation of the training data, so energies, gradients and samples are in data
/// units. p(x) is proportional to exp(-E(x)); Z is finite when E grows fast enough (the trainers keep it so in practice,
/// and 2-D models have Z by quadrature).
/// </summary>
public sealed record MlpEnergy : IContinuousModel
{
    private MlpEnergy(Mlp network, InputScaling scaling) => (Network, Scaling) = (network, scaling);

    /// <summary>The network f, one output.</summary>
    public Mlp Network { get; }

    /// <summary>Data units to network units.</summary>
    public InputScaling Scaling { get; }

    /// <summary>"mlp".</summary>
    public string Kind => "mlp";

    /// <summary>Coordinates of x.</summary>
    public int Dimension => Network.Inputs;

    /// <summary>Validates and builds the energy: a network with one output and a scaling on its inputs (identity when null).</summary>
    public static Validation<Error, MlpEnergy> Create(Mlp network, InputScaling? scaling = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var errors = new List<Error>();
        if (network.Outputs != 1) errors.Add(ModelErrors.InvalidField("layers", $"the last layer has {network.Outputs} outputs, expected 1 (the energy)"));
        if (scaling is not null && scaling.Dimension != network.Inputs)
            errors.Add(ModelErrors.InvalidField("scaling", $"has {scaling.Dimension} coordinates, expected {network.Inputs} (the network's inputs)"));
        return FieldChecks.Result(errors, () => new MlpEnergy(network, scaling ?? InputScaling.Identity(network.Inputs)));
    }

    /// <summary>E(x).</summary>
    /// <exception cref="ArgumentException">x does not have <see cref="Dimension"/> coordinates.</exception>
    public double Energy(ReadOnlySpan<double> x) => Energies(MlpInputs.Point(Scaling, x, nameof(x)))[0];

    /// <summary>E of each row.</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Vec Energies(Mat xs)
    {
        var u = MlpInputs.Points(Scaling, xs, nameof(xs));
        using var jets = MlpJets.Forward(Network, u, [], xs.Rows, 0, reversible: false);
        return Vec.From(jets.OutputBlock(0));
    }

    /// <summary>The gradient of E in x (data units).</summary>
    /// <exception cref="ArgumentException">x or the destination does not have <see cref="Dimension"/> coordinates.</exception>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var point = MlpInputs.Point(Scaling, x, nameof(x));
        MlpInputs.CopyGradient(Scaling, InputGradients(point), gradient, nameof(gradient));
    }

    /// <summary>The gradient of E in x for each row (data units).</summary>
    /// <exception cref="ArgumentException">The rows do not have <see cref="Dimension"/> coordinates.</exception>
    public Mat InputGradients(Mat xs)
    {
        var u = MlpInputs.Points(Scaling, xs, nameof(xs));
        using var jets = MlpJets.Forward(Network, u, [], xs.Rows, 0);
        var ones = new double[xs.Rows];
        Array.Fill(ones, 1.0);
        return MlpInputs.Gradients(Scaling, jets.InputGradient(ones));
    }
}
