using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Exact maximum likelihood for Boltzmann machines small enough to enumerate.</summary>
public static partial class BoltzmannTraining
{
    /// <summary>Most units for which <see cref="ExactLikelihood"/> enumerates the model's states at every step (2^20 states).</summary>
    public const int MaxExactUnits = Enumeration.MaxTableUnits;

    /// <summary>The name of the metric holding the minibatch's exact average log-likelihood.</summary>
    public const string LogLikelihoodMetric = "log-likelihood";

    // States per block of the model-moment products: 4096 x n doubles stay in cache while the block is multiplied.
    private const int MomentBlock = 4096;

    /// <summary>
    /// The exact average log-likelihood (1/N) sum_r log p(x_r) = -(1/N) sum_r E(x_r) - log Z of the rows of
    /// <paramref name="data"/>, with log Z by enumeration (<see cref="Enumeration"/>, at most
    /// <see cref="Enumeration.MaxUnits"/> units).
    /// </summary>
    /// <returns>The average, or an error for bad data or a model too large to enumerate.</returns>
    public static Fin<double> AverageLogLikelihood(BoltzmannMachine model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return from valid in CheckData(Family, model.Dimension, model.States, data)
               from exact in Enumeration.Compute(model, 1.0, maxDegreeOfParallelism: 1)
               select -Mean(model.Energies(valid).Span) - exact.LogZ;
    }

    /// <summary>
    /// Exact maximum likelihood: the model term &lt;x_i x_j&gt;_model, &lt;x_i&gt;_model of the gradient is summed over all
    /// 2^n states with their exact probabilities, so the step is the true gradient of the minibatch's negative
    /// average log-likelihood (Ackley, Hinton and Sejnowski 1985), the reference every other objective is measured
    /// against.
    /// </summary>
    /// <remarks>
    /// Cost per step: 2^n energies and one n x n product over the 2^n states, weighted by p(x) (blocks of 4096
    /// states), about 2^n n^2 multiply-adds: 1.7e7 for n = 16, 4.2e8 for n = 20. Refused with <see cref="TrainingErrors.InvalidSetting"/>
    /// above <see cref="MaxExactUnits"/> units. The step's metric <see cref="LogLikelihoodMetric"/> is the minibatch's
    /// exact average log-likelihood before the update.
    /// </remarks>
    public static Objective<BoltzmannMachine> ExactLikelihood() =>
        new(
            "exact",
            (_, model) => CheckExactSize(model.Dimension).Map(_ => Seq<Mat>()),
            (_, model, _, batch) =>
                from size in CheckExactSize(model.Dimension)
                from data in CheckData(Family, model.Dimension, model.States, batch)
                from energies in Enumeration.Energies(model, maxDegreeOfParallelism: 1)
                let logZ = LogPartitionOf(energies.Span)
                let gradient = PhaseDifference(model.MeanEnergyGradient(data), ModelMoments(model, energies.Span, logZ))
                select new ObjectiveResult(gradient, Seq<Mat>(), Seq1(new Metric(LogLikelihoodMetric, -Mean(model.Energies(data).Span) - logZ))));

    private static Fin<int> CheckExactSize(int units) =>
        units <= MaxExactUnits
            ? FinSucc(units)
            : FinFail<int>(TrainingErrors.InvalidSetting("exact likelihood", $"the model has {units} units; enumerating 2^n states per step is limited to n <= {MaxExactUnits}: use pl, pcd or tempered"));

    /// <summary>log sum_x exp(-E(x)) of a table of energies.</summary>
    internal static double LogPartitionOf(ReadOnlySpan<double> energies)
    {
        var logWeights = new double[energies.Length];
        for (var x = 0; x < logWeights.Length; x++) logWeights[x] = -energies[x];
        return LogSpace.LogSumExp(logWeights);
    }

    /// <summary>
    /// &lt;dE/dW&gt;_model = -&lt;x x^T&gt; (zero diagonal) and &lt;dE/db&gt;_model = -&lt;x&gt; over all states, state index x holding
    /// unit i high when bit i is set (the order of <see cref="Enumeration.Energies(IDiscreteModel, int)"/>).
    /// </summary>
    private static BoltzmannGradient ModelMoments(BoltzmannMachine model, ReadOnlySpan<double> energies, double logZ)
    {
        var n = model.Dimension;
        var low = Low(model.States);
        var states = energies.Length;
        var block = Math.Min(MomentBlock, states);
        var unitValues = new double[block * n];
        var weighted = new double[block * n];
        var second = new double[n * n];
        var first = new double[n];
        for (var start = 0; start < states; start += block)
        {
            for (var s = 0; s < block; s++)
            {
                var index = start + s;
                var probability = Math.Exp(-energies[index] - logZ);
                for (var i = 0; i < n; i++)
                {
                    var value = ((index >> i) & 1) == 1 ? 1.0 : low;
                    unitValues[s * n + i] = value;
                    weighted[s * n + i] = probability * value;
                    first[i] += probability * value;
                }
            }

            MatrixProduct.Gemm(true, false, n, n, block, 1.0, weighted, n, unitValues, n, 1.0, second, n);
        }

        for (var k = 0; k < second.Length; k++) second[k] = -second[k];
        for (var i = 0; i < n; i++)
        {
            second[i * n + i] = 0.0;
            first[i] = -first[i];
        }

        return new BoltzmannGradient(Mat.Wrap(n, n, second), Vec.Wrap(first));
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }
}
