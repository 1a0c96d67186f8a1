using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Training;

/// <summary>Shared pieces of the Boltzmann-machine training tests: valid results, data, central differences.</summary>
internal static class BoltzmannTrainingTesting
{
    /// <summary>
    /// Step of the central differences: their truncation error is O(h^2) L''' ~ 1e-10 and their rounding error
    /// eps |L| / h ~ 1e-16 x 10 / 1e-5 = 1e-10 for the losses here (|L| &lt; 10), so <see cref="DifferenceTolerance"/>
    /// leaves a factor 1000 and still catches a wrong factor of 2 or a sign.
    /// </summary>
    public const double DifferenceStep = 1e-5;

    /// <summary>Absolute tolerance of a gradient entry against its central difference.</summary>
    public const double DifferenceTolerance = 1e-7;

    public static T Valid<T>(Fin<T> result) => result.Match(v => v, e => throw new InvalidOperationException(e.Message));

    public static T Valid<T>(Validation<LanguageExt.Common.Error, T> result) =>
        result.Match(v => v, e => throw new InvalidOperationException(string.Join("; ", e)));

    /// <summary>The rows of every state of <paramref name="units"/> units, state index x holding unit i high when bit i is set.</summary>
    public static Mat AllStates(int units, StateConvention states) =>
        Mat.Create(1 << units, units, d =>
        {
            for (var x = 0; x < 1 << units; x++) BoltzmannRandom.State(x, units, states).CopyTo(d.Slice(x * units, units));
        });

    /// <summary><paramref name="count"/> exact draws from <paramref name="model"/> at beta = 1.</summary>
    public static Mat Draws(ulong seed, BoltzmannMachine model, int count) =>
        Valid(Ebm.Functional.Exact.ExactDraws.Discrete(RngKey.FromSeed(seed), count, model, 1.0));

    /// <summary>dL/dtheta_k by central differences in the layout of <see cref="BoltzmannTraining.Parameters"/>.</summary>
    public static double[] CentralDifferences(BoltzmannMachine model, Func<BoltzmannMachine, double> loss)
    {
        var parameters = BoltzmannTraining.Parameters;
        var theta = parameters.ToVector(model).ToArray();
        var gradient = new double[theta.Length];
        for (var k = 0; k < theta.Length; k++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[k] += DifferenceStep;
            down[k] -= DifferenceStep;
            var lossUp = loss(Valid(parameters.FromVector(model, Vec.Of(up))));
            var lossDown = loss(Valid(parameters.FromVector(model, Vec.Of(down))));
            gradient[k] = (lossUp - lossDown) / (2 * DifferenceStep);
        }

        return gradient;
    }

    /// <summary>One step of <paramref name="objective"/> from its own starting chains.</summary>
    public static ObjectiveResult OneStep(Objective<BoltzmannMachine> objective, ulong seed, BoltzmannMachine model, Mat batch)
    {
        var key = RngKey.FromSeed(seed);
        var chains = Valid(objective.StartChains(key.FoldIn(1), model));
        return Valid(objective.Step(key.FoldIn(2), model, chains, batch));
    }
}
