using System.Collections.Concurrent;
using Ebm.Functional.Models;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.RbmTrainingFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Evidence that each objective learns: trained on all bars-and-stripes images (full batch, Adam, lr 0.05, fixed seeds),
/// the exact training log-likelihood rises well above the initial model's and reaches a stated fraction of the gain
/// exact maximum likelihood makes from the same start with the same optimizer and epochs.
/// </summary>
/// <remarks>
/// Measured fractions (managed GEMM and OpenBLAS agree to the shown digits): 3 x 3, 8 hidden, 1000 epochs: ratio
/// matching 0.93, tempered SML 0.92, pseudolikelihood 0.76; 4 x 4, 12 hidden: ratio matching 0.82 (600 epochs), tempered
/// SML 0.80 (1000 epochs), pseudolikelihood 0.61 (300 epochs). Pseudolikelihood peaks early on 4 x 4 and then falls
/// (0.41 at 600 epochs, 0.11 at 1500) while its own loss keeps improving: it sharpens each pixel's conditional, which
/// the data determine exactly, and leaves mass on images two or more flips away from the data. The stated fractions
/// sit below the measured ones by a margin for backend rounding, which moves these deterministic runs slightly.
/// </remarks>
public sealed class RbmObjectiveEvidenceTests
{
    private const double LearningRate = 0.05;

    private static readonly ConcurrentDictionary<(int, int, int), double> ExactReference = new();

    public static TheoryData<string, int, int, int, double> Cases => new()
    {
        { RbmTraining.PseudolikelihoodName, 3, 8, 1000, 0.70 },
        { RbmTraining.RatioMatchingName, 3, 8, 1000, 0.85 },
        { RbmTraining.TemperedName, 3, 8, 1000, 0.85 },
        { RbmTraining.PseudolikelihoodName, 4, 12, 300, 0.55 },
        { RbmTraining.RatioMatchingName, 4, 12, 600, 0.75 },
        { RbmTraining.TemperedName, 4, 12, 1000, 0.75 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_objective_reaches_a_stated_fraction_of_the_exact_ml_gain(string objective, int side, int hidden, int epochs, double fraction)
    {
        var data = BarsAndStripesImages(side);
        var start = SmallRbm(side * side, hidden, 7UL);
        var initial = AverageLogLikelihood(start, data);
        var exact = ExactReference.GetOrAdd((side, hidden, epochs), _ =>
            AverageLogLikelihood(Train(RbmTraining.Parameters, RbmTraining.ExactLikelihood(), start, data, LearningRate, data.Rows, epochs, 11UL), data));
        var trained = AverageLogLikelihood(Train(RbmTraining.Parameters, Objective(objective), start, data, LearningRate, data.Rows, epochs, 11UL), data);
        var reached = (trained - initial) / (exact - initial);
        Assert.True(reached >= fraction, $"{objective}: initial {initial}, exact ML {exact}, {objective} {trained}, fraction {reached}");
        Assert.True(trained - initial > 2.0, $"{objective} gained only {trained - initial} nats");
    }

    private static Objective<BernoulliRbm> Objective(string name) => name switch
    {
        RbmTraining.PseudolikelihoodName => RbmTraining.Pseudolikelihood(),
        RbmTraining.RatioMatchingName => RbmTraining.RatioMatching(),
        _ => RbmTraining.Tempered(chains: 50, replicas: 4, minBeta: 0.2, steps: 5),
    };
}
