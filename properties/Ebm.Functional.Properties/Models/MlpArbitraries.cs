using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Models;

/// <summary>
/// Generators of small MLPs on bounded ranges (so that the finite-difference tolerances of the laws can be stated):
/// any activation, 1 to 3 inputs, 0 to 2 hidden layers of 1 to 5 units, weights in [-1.5, 1.5], biases too, a scaling
/// with shifts in [-1, 1] and scales in [0.5, 2], 1 to 3 rows in [-2, 2]^d, and directions and weights in [-1, 1].
/// </summary>
public static class MlpArbitraries
{
    /// <summary>A network (as an energy, and with <see cref="Classes"/> outputs as a classifier), points and directions.</summary>
    public sealed record MlpCase(
        MlpActivation Activation, int Inputs, int[] Hidden, double[] Parameters, double[] ClassifierParameters, int Classes,
        double[] Shift, double[] Scale, double[] Points, double[] Directions, double[] RowWeights)
    {
        /// <summary>Rows of <see cref="Points"/>.</summary>
        public int Rows => Points.Length / Inputs;

        /// <summary>The scaling.</summary>
        public InputScaling Scaling => InputScaling.Create(Vec.Of(Shift), Vec.Of(Scale)).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));

        /// <summary>The energy.</summary>
        public MlpEnergy Energy =>
            MlpTraining.InitialiseEnergy(RngKey.FromSeed(0), Inputs, Hidden, Activation, Scaling)
                .Bind(m => MlpTraining.Parameters.FromVector(m, Vec.Of(Parameters)))
                .Match(m => m, e => throw new InvalidOperationException(e.Message));

        /// <summary>The classifier.</summary>
        public MlpClassifier Classifier =>
            MlpTraining.InitialiseClassifier(RngKey.FromSeed(0), Inputs, Hidden, Classes, Activation, Scaling)
                .Bind(m => MlpTraining.ClassifierParameters.FromVector(m, Vec.Of(ClassifierParameters)))
                .Match(m => m, e => throw new InvalidOperationException(e.Message));

        /// <summary>The rows as a matrix.</summary>
        public Mat X => Mat.From(Rows, Inputs, Points);

        /// <summary>The directions as a matrix.</summary>
        public Mat V => Mat.From(Rows, Inputs, Directions);

        /// <inheritdoc />
        public override string ToString() =>
            $"{Activation}, {Inputs} -> [{string.Join(", ", Hidden)}], θ [{string.Join(", ", Parameters)}], classifier θ [{string.Join(", ", ClassifierParameters)}], " +
            $"shift [{string.Join(", ", Shift)}], scale [{string.Join(", ", Scale)}], x [{string.Join(", ", Points)}], v [{string.Join(", ", Directions)}], a [{string.Join(", ", RowWeights)}]";
    }

    /// <summary>MLP cases.</summary>
    public static Arbitrary<MlpCase> MlpCases() =>
        (from activation in Gen.Elements(Enum.GetValues<MlpActivation>())
         from inputs in Gen.Choose(1, 3)
         from depth in Gen.Choose(0, 2)
         from hidden in Gen.ArrayOf(Gen.Choose(1, 5), depth)
         from classes in Gen.Choose(2, 3)
         from parameters in Gen.ArrayOf(ContinuousArbitraries.Uniform(-1.5, 1.5), Count(inputs, hidden, 1))
         from classifierParameters in Gen.ArrayOf(ContinuousArbitraries.Uniform(-1.5, 1.5), Count(inputs, hidden, classes))
         from shift in Gen.ArrayOf(ContinuousArbitraries.Uniform(-1, 1), inputs)
         from scale in Gen.ArrayOf(ContinuousArbitraries.Uniform(0.5, 2), inputs)
         from rows in Gen.Choose(1, 3)
         from points in Gen.ArrayOf(ContinuousArbitraries.Uniform(-2, 2), rows * inputs)
         from directions in Gen.ArrayOf(ContinuousArbitraries.Uniform(-1, 1), rows * inputs)
         from rowWeights in Gen.ArrayOf(ContinuousArbitraries.Uniform(-1, 1), rows * Math.Max(classes, 1))
         select new MlpCase(activation, inputs, hidden, parameters, classifierParameters, classes, shift, scale, points, directions, rowWeights)).ToArbitrary();

    private static int Count(int inputs, int[] hidden, int outputs)
    {
        var (count, previous) = (0, inputs);
        foreach (var width in hidden.Append(outputs))
        {
            count += width * previous + width;
            previous = width;
        }

        return count;
    }
}
