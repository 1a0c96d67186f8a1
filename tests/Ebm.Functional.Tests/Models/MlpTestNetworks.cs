using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Models;

/// <summary>
/// Small seeded MLPs for the derivative tests: every activation, depths 1 to 3, random non-zero biases, and a scaling
/// that is far from the identity (shifts of order one, scales 0.5 to 2), so a missing chain-rule factor shows.
/// </summary>
internal static class MlpTestNetworks
{
    /// <summary>The activations, depths and widths the theories run over: (activation, inputs, hidden widths).</summary>
    public static TheoryData<MlpActivation, int, int[]> Shapes()
    {
        var data = new TheoryData<MlpActivation, int, int[]>();
        foreach (var activation in Enum.GetValues<MlpActivation>())
        {
            data.Add(activation, 2, []);
            data.Add(activation, 2, [5]);
            data.Add(activation, 3, [4, 3]);
        }

        return data;
    }

    /// <summary>An energy of the shape, drawn from <paramref name="seed"/>, biases drawn too.</summary>
    public static MlpEnergy Energy(ulong seed, MlpActivation activation, int inputs, int[] hidden)
    {
        var model = Unwrap(MlpTraining.InitialiseEnergy(RngKey.FromSeed(seed), inputs, hidden, activation, Scaling(inputs)));
        return Unwrap(MlpTraining.Parameters.FromVector(model, Perturbed(seed, MlpTraining.Parameters.ToVector(model))));
    }

    /// <summary>A classifier of the shape with <paramref name="classes"/> logits, biases drawn too.</summary>
    public static MlpClassifier Classifier(ulong seed, MlpActivation activation, int inputs, int[] hidden, int classes)
    {
        var model = Unwrap(MlpTraining.InitialiseClassifier(RngKey.FromSeed(seed), inputs, hidden, classes, activation, Scaling(inputs)));
        return Unwrap(MlpTraining.ClassifierParameters.FromVector(model, Perturbed(seed, MlpTraining.ClassifierParameters.ToVector(model))));
    }

    /// <summary>shift_i = 0.3 (i + 1) (-1)^i, scale_i = 2, 0.5, 1.25, ...: a scaling far from the identity.</summary>
    public static InputScaling Scaling(int dimension) =>
        InputScaling.Create(
                Vec.Create(dimension, d =>
                {
                    for (var i = 0; i < dimension; i++) d[i] = 0.3 * (i + 1) * (i % 2 == 0 ? 1 : -1);
                }),
                Vec.Create(dimension, d =>
                {
                    for (var i = 0; i < dimension; i++) d[i] = (i % 3) switch { 0 => 2.0, 1 => 0.5, _ => 1.25 };
                }))
            .Match(s => s, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>n x d standard normal points drawn from <paramref name="seed"/>, in data units around the scaling's shift.</summary>
    public static Mat Points(ulong seed, int rows, int dimension) => Mat.Create(rows, dimension, d => RngKey.FromSeed(seed).FoldIn(7).Normal(d));

    private static T Unwrap<T>(LanguageExt.Fin<T> fin) => fin.Match(x => x, e => throw new InvalidOperationException(e.Message));

    /// <summary>The parameters plus N(0, 0.3^2) noise on every entry, so biases are non-zero.</summary>
    private static Vec Perturbed(ulong seed, Vec values) => Vec.Create(values.Length, d =>
    {
        RngKey.FromSeed(seed).FoldIn(11).Normal(d);
        for (var i = 0; i < d.Length; i++) d[i] = values[i] + 0.3 * d[i];
    });
}
