using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using FsCheck.Xunit;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Properties.Training;

/// <summary>
/// Laws of Boltzmann machine training over random machines (1 to 7 units, either convention, couplings and biases in
/// [-1.5, 1.5]) and random minibatches: the parameter layout round-trips, and the pseudolikelihood and ratio-matching
/// gradients are the central differences of their losses.
/// </summary>
public class BoltzmannTrainingLaws
{
    // Central differences with step 1e-5: truncation ~ h^2 |L'''| ~ 1e-9 and rounding ~ 1e-16 |L| / h ~ 1e-10 for losses
    // below 10 per example here, so 1e-6 catches any error of the gradient's form while never failing on rounding.
    private const double Step = 1e-5, Tolerance = 1e-6;

    [Property(MaxTest = 100)]
    public bool The_parameter_layout_round_trips(int seed, byte size, bool spins)
    {
        var model = Machine(seed, size, spins);
        var rebuilt = BoltzmannTraining.Parameters.FromVector(model, BoltzmannTraining.Parameters.ToVector(model));
        return rebuilt.Match(m => m.Couplings == model.Couplings && m.Biases == model.Biases && m.States == model.States, _ => false);
    }

    [Property(MaxTest = 40)]
    public bool The_pseudolikelihood_gradient_is_the_central_difference_of_its_loss(int seed, byte size, bool spins)
    {
        var model = Machine(seed, size, spins);
        var data = Batch(seed, model);
        return GradientMatches(BoltzmannTraining.Pseudolikelihood(), model, data, m => -BoltzmannTraining.PseudoLogLikelihood(m, data).IfFail(double.NaN));
    }

    [Property(MaxTest = 40)]
    public bool The_ratio_matching_gradient_is_the_central_difference_of_its_loss(int seed, byte size, bool spins)
    {
        var model = Machine(seed, size, spins);
        var data = Batch(seed, model);
        return GradientMatches(BoltzmannTraining.RatioMatching(), model, data, m => BoltzmannTraining.RatioMatchingLoss(m, data).IfFail(double.NaN));
    }

    private static bool GradientMatches(Objective<BoltzmannMachine> objective, BoltzmannMachine model, Mat data, Func<BoltzmannMachine, double> loss)
    {
        var gradient = objective.Step(RngKey.FromSeed(1), model, Seq<Mat>(), data).Match(r => r.Gradient, _ => Vec.Empty);
        var theta = BoltzmannTraining.Parameters.ToVector(model).ToArray();
        if (gradient.Length != theta.Length) return false;
        for (var k = 0; k < theta.Length; k++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[k] += Step;
            down[k] -= Step;
            var difference = (Loss(model, up, loss) - Loss(model, down, loss)) / (2 * Step);
            if (!(Math.Abs(difference - gradient[k]) <= Tolerance)) return false;
        }

        return true;
    }

    private static double Loss(BoltzmannMachine model, double[] theta, Func<BoltzmannMachine, double> loss) =>
        BoltzmannTraining.Parameters.FromVector(model, Vec.Of(theta)).Match(loss, _ => double.NaN);

    private static BoltzmannMachine Machine(int seed, byte size, bool spins)
    {
        var n = 1 + size % 7;
        var key = RngKey.FromSeed((ulong)(uint)seed);
        var couplings = Mat.Create(n, n, w =>
        {
            for (var i = 0; i < n; i++)
                for (var j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = 3.0 * key.UniformAt(i * n + j) - 1.5;
        });
        var biases = Vec.Create(n, b =>
        {
            for (var i = 0; i < n; i++) b[i] = 3.0 * key.UniformAt(n * n + i) - 1.5;
        });
        return BoltzmannMachine.Create(couplings, biases, spins ? StateConvention.Spin : StateConvention.Binary)
            .Match(m => m, errors => throw new InvalidOperationException(string.Join("; ", errors)));
    }

    /// <summary>One to five states uniform over the machine's state space.</summary>
    private static Mat Batch(int seed, BoltzmannMachine model) =>
        Ebm.Functional.Exact.ExactDraws.Uniform(RngKey.FromSeed((ulong)(uint)seed).FoldIn(1), 1 + Math.Abs(seed % 5), model.Dimension, model.States);
}
