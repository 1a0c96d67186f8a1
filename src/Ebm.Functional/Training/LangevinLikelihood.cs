using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Maximum likelihood for an unnormalised continuous energy with a Langevin negative phase: the likelihood gradient
/// E_data[dE/dθ] - E_model[dE/dθ] with the model expectation over samples of a short or persistent Langevin run
/// (<see cref="LangevinSettings"/>).
/// </summary>
public static partial class LangevinLikelihood
{
    /// <summary>The objective's name, as <c>ebm train --objective</c> spells it.</summary>
    public const string Name = "ml-langevin";

    /// <summary>The metric of the mean energy of the minibatch (the positive phase).</summary>
    public const string DataEnergyMetric = "data-energy";

    /// <summary>The metric of the mean energy of the negative samples.</summary>
    public const string SampleEnergyMetric = "sample-energy";

    /// <summary>
    /// The loss mean_r E(x+_r) - mean_s E(x-_s) + alpha (mean_r E(x+_r)^2 + mean_s E(x-_s)^2) over the n minibatch rows x+
    /// and n Langevin samples x- (<see cref="LangevinSettings"/>), x- held fixed: its gradient
    /// (1/n) sum_r (1 + 2 alpha E(x+_r)) dE(x+_r)/dθ + (1/n) sum_s (-1 + 2 alpha E(x-_s)) dE(x-_s)/dθ is the negative
    /// log-likelihood's gradient when x- are exact model samples (and alpha = 0).
    /// </summary>
    /// <remarks>
    /// The loss itself is not the negative log-likelihood (log Z is never computed): it is the contrastive gap, near 0
    /// when the samples look like the data; learning curves should use an exact or estimated likelihood instead. The step's
    /// key drives the negative phase. Metrics: <see cref="ScoreMatching.LossMetric"/>, <see cref="DataEnergyMetric"/>,
    /// <see cref="SampleEnergyMetric"/>.
    /// </remarks>
    /// <param name="derivatives">The energy's derivatives.</param>
    /// <param name="settings">The negative phase.</param>
    public static Objective<TModel> Objective<TModel>(EnergyDerivatives<TModel> derivatives, LangevinSettings settings)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(settings);
        return new(Name, (key, _) => StartBuffer(Name, settings, key), (key, model, chains, batch) =>
            from valid in settings.Check(Name)
            from x in ContinuousBatchChecks.Real(Name, model, batch)
            from negative in Negatives(Name, key, valid, rows => derivatives.InputGradients(model, rows), chains, x.Rows, x.Columns)
            from result in Step(derivatives, valid, model, x, negative.Negatives, negative.Chains)
            select result);
    }

    private static Fin<ObjectiveResult> Step<TModel>(
        EnergyDerivatives<TModel> derivatives, LangevinSettings settings, TModel model, Mat positives, Mat negatives, Seq<Mat> chains)
    {
        var rows = ParameterSums.Stack(positives, negatives);
        var energies = derivatives.Energies(model, rows);
        var (loss, weights, dataEnergy, sampleEnergy) = Contrast(energies, positives.Rows, settings.EnergyRegularisation, 1.0);
        var gradient = derivatives.ParameterGradient(model, rows, weights);
        return from _ in ContinuousBatchChecks.FiniteResult(Name, "the loss", [loss])
               from __ in ContinuousBatchChecks.FiniteResult(Name, "the gradient", gradient.Span)
               select new ObjectiveResult(gradient, chains, Seq(
                   new Metric(ScoreMatching.LossMetric, loss), new Metric(DataEnergyMetric, dataEnergy), new Metric(SampleEnergyMetric, sampleEnergy)));
    }

    /// <summary>
    /// The contrastive loss w (mean E+ - mean E- + alpha (mean E+^2 + mean E-^2)) over energies of n positive rows then
    /// the negatives, its per-row weights on dE/dθ, and the two mean energies.
    /// </summary>
    internal static (double Loss, Vec Weights, double DataEnergy, double SampleEnergy) Contrast(Vec energies, int positives, double alpha, double weight)
    {
        int n = positives, m = energies.Length - positives;
        double dataEnergy = 0, sampleEnergy = 0, dataSquare = 0, sampleSquare = 0;
        var weights = Vec.Create(energies.Length, w =>
        {
            for (var t = 0; t < energies.Length; t++)
            {
                var e = energies[t];
                if (t < n)
                {
                    dataEnergy += e / n;
                    dataSquare += e * e / n;
                    w[t] = weight * (1 + 2 * alpha * e) / n;
                }
                else
                {
                    sampleEnergy += e / m;
                    sampleSquare += e * e / m;
                    w[t] = weight * (-1 + 2 * alpha * e) / m;
                }
            }
        });
        var loss = weight * (dataEnergy - sampleEnergy + alpha * (dataSquare + sampleSquare));
        return (loss, weights, dataEnergy, sampleEnergy);
    }
}
