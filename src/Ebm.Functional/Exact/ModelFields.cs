using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>
/// Names the model field that sets a model's energy scale, so that an overflow error can say which
/// field (as the model file spells it) and which value made a quantity unrepresentable.
/// </summary>
/// <remarks>
/// Each field is ranked by the largest energy one of its entries can contribute: |value| for couplings,
/// weights, biases, fields, barriers and stiffnesses; 1/sigma^2 for the Gaussian-Bernoulli RBM's sigma
/// and the mixture's sigmas (a small width is a steep energy); scale radius^4 for the ring; the largest
/// |mean| for means (they move the energy's minimum, and with it every energy on a fixed box).
/// </remarks>
internal static class ModelFields
{
    /// <summary>"couplings (largest |value| 1E+308)": the field of <paramref name="model"/> with the largest energy scale.</summary>
    public static string Culprit(IEnergyModel model)
    {
        var fields = Fields(model);
        if (fields.Length == 0) return $"the {model.Kind} energy";
        var top = fields.MaxBy(f => f.Scale);
        return $"{top.Name} ({top.Description} {ExactErrors.Number(top.Value)})";
    }

    /// <summary>"{culprit} too large": the cause part of <see cref="ExactErrors.Overflow"/> for a model.</summary>
    public static string TooLarge(IEnergyModel model) => $"{Culprit(model)} too large";

    private static Field[] Fields(IEnergyModel model) => model switch
    {
        IsingModel ising => [Largest("coupling", ising.Coupling), Largest("field", ising.Field)],
        PottsModel potts => [Largest("coupling", potts.Coupling), Largest("field", potts.Field)],
        ClockModel clock => [Largest("coupling", clock.Coupling), Largest("field", clock.Field)],
        BoltzmannMachine machine => [Largest("couplings", machine.Couplings.Span), Largest("biases", machine.Biases.Span)],
        BernoulliRbm rbm => [Largest("weights", rbm.Weights.Span), Largest("visibleBias", rbm.VisibleBias.Span), Largest("hiddenBias", rbm.HiddenBias.Span)],
        GaussianBernoulliRbm rbm =>
        [
            Largest("weights", rbm.Weights.Span), Largest("visibleBias", rbm.VisibleBias.Span),
            Largest("hiddenBias", rbm.HiddenBias.Span), Narrowest("sigma", rbm.Sigma.Span),
        ],
        GaussianModel gaussian => [Largest("precision", gaussian.Precision.Span), Largest("mean", gaussian.Mean.Span)],
        DoubleWell wells => [Largest("barrier", wells.Barrier), Largest("stiffness", wells.Stiffness)],
        RingEnergy ring => [Largest("scale", ring.Scale), new Field("radius", "value", ring.Radius, ScaleOf(ring.Scale) + 4 * ScaleOf(ring.Radius))],
        GaussianMixture2D mixture => [Narrowest("sigmas", mixture.Sigmas.Span), Largest("means", mixture.Means.Span)],
        _ => [],
    };

    private static Field Largest(string name, double value) => new(name, "value", value, ScaleOf(value));

    private static Field Largest(string name, ReadOnlySpan<double> values)
    {
        var largest = 0.0;
        foreach (var value in values)
            if (Math.Abs(value) > Math.Abs(largest)) largest = value;
        return new Field(name, "largest |value|", Math.Abs(largest), ScaleOf(largest));
    }

    /// <summary>A width: its energy scale is 1 / width^2, ranked by -2 log width.</summary>
    private static Field Narrowest(string name, ReadOnlySpan<double> widths)
    {
        var narrowest = double.PositiveInfinity;
        foreach (var width in widths) narrowest = Math.Min(narrowest, Math.Abs(width));
        return new Field(name, "smallest value", narrowest, -2.0 * ScaleOf(narrowest));
    }

    /// <summary>log |value|, -infinity for 0: a ranking that never overflows.</summary>
    private static double ScaleOf(double value) => Math.Log(Math.Abs(value));

    private readonly record struct Field(string Name, string Description, double Value, double Scale);
}
