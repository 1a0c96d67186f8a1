using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;
using Xunit.Abstractions;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Evidence that every objective learns: a zero-initialised 8-unit machine trained on 400 exact draws of a known
/// machine, its exact average log-likelihood measured before and after against the maximum-likelihood value.
/// </summary>
/// <remarks>
/// The log-likelihood of a fully visible machine is concave in its parameters, so full-batch exact maximum likelihood
/// run until its gradient vanishes (checked: every entry below 1e-4) gives the best value. Every objective then gets the
/// same budget: 30 epochs of minibatches of 40, Adam with a step decaying linearly from 0.05 to 0 (stochastic
/// approximation needs a decreasing step to settle: Younes 1989, Robbins and Monro 1951). Stated fractions of the
/// exact-ML gain: exact minibatch ML 0.99; pseudolikelihood and ratio matching, consistent estimators that use the
/// data alone, 0.95; CD-1, PCD (20 chains) and tempered SML (10 chains, 4 rungs), whose final parameters keep the
/// noise of their sampled negative phase, 0.9. Measured: every fraction between 0.96 and 0.9996.
/// </remarks>
public class BoltzmannLearningTests(ITestOutputHelper output)
{
    private const int Units = 8, Examples = 400;
    private const double LearningRate = 0.05;

    [Theory]
    [InlineData("exact", StateConvention.Binary, 0.99)]
    [InlineData("cd", StateConvention.Binary, 0.9)]
    [InlineData("pcd", StateConvention.Binary, 0.9)]
    [InlineData("tempered", StateConvention.Binary, 0.9)]
    [InlineData("pl", StateConvention.Binary, 0.95)]
    [InlineData("ratio", StateConvention.Binary, 0.95)]
    [InlineData("exact", StateConvention.Spin, 0.99)]
    [InlineData("cd", StateConvention.Spin, 0.9)]
    [InlineData("pcd", StateConvention.Spin, 0.9)]
    [InlineData("tempered", StateConvention.Spin, 0.9)]
    [InlineData("pl", StateConvention.Spin, 0.95)]
    [InlineData("ratio", StateConvention.Spin, 0.95)]
    public void Each_objective_raises_the_exact_log_likelihood_toward_the_maximum(string name, StateConvention states, double minimumFraction)
    {
        var teacher = BoltzmannRandom.Create(51, Units, states, couplingScale: 1.0, biasScale: 0.5);
        var data = Draws(52, teacher, Examples);
        var start = BoltzmannRandom.Create(Mat.Zeros(Units, Units), Vec.Zeros(Units), states);
        var initial = Valid(BoltzmannTraining.AverageLogLikelihood(start, data));
        var bestModel = Train(BoltzmannTraining.ExactLikelihood(), start, data, Examples, 1000);
        var best = Valid(BoltzmannTraining.AverageLogLikelihood(bestModel, data));
        var bestGradient = OneStep(BoltzmannTraining.ExactLikelihood(), 1, bestModel, data).Gradient;
        Assert.True(bestGradient.ToArray().Max(Math.Abs) < 1e-4, "exact maximum likelihood has not converged: the reference is not the maximum");
        var trained = Valid(BoltzmannTraining.AverageLogLikelihood(Train(BoltzmannObjectives.ByName(name), start, data, 40, 30), data));
        var fraction = (trained - initial) / (best - initial);
        output.WriteLine($"{name} {states}: initial {initial:F5} best {best:F5} trained {trained:F5} fraction {fraction:F4}");
        Assert.True(fraction >= minimumFraction, $"{name} reached {fraction:F4} of the exact-ML gain, expected at least {minimumFraction}");
    }

    private static BoltzmannMachine Train(Objective<BoltzmannMachine> objective, BoltzmannMachine start, Mat data, int batch, int epochs)
    {
        var steps = (long)epochs * ((data.Rows + batch - 1) / batch);
        var decay = Valid(Schedules.LinearDecay(LearningRate, 0.0, steps));
        var optimizer = Transforms.Chain(Valid(Transforms.ScaleByAdam()), Transforms.ScaleBySchedule(decay), Valid(Transforms.Scale(-1.0)));
        var trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, objective, optimizer);
        return Valid(
            from state in trainer.Init(RngKey.FromSeed(53), start)
            from end in trainer.Epochs(state, data, batch, epochs)
            select end.Model);
    }
}
