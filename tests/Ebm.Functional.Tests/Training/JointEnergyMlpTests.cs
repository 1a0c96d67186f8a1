using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>An MLP classifier trained by JEM and as a plain classifier separates two labelled clusters.</summary>
public sealed class JointEnergyMlpTests
{
    [Fact]
    public void An_mlp_classifier_trained_by_jem_separates_two_clusters()
    {
        // Clusters N((-2, 0), 0.25 I) (class 0) and N((2, 0), 0.25 I) (class 1), Bayes accuracy Phi(4) = 0.99997; 1000
        // training and 2000 test points; a 2 x 16 softplus classifier, batches of 100, 20 epochs of Adam at lr 0.01 decayed.
        // Both must reach 0.99 (binomial SE 0.0022 at 0.99). JEM: short-run Langevin from the box [-4, 4]^2, K = 10,
        // eps = 0.05; its data energies must end below its samples' (the generative term at work).
        var train = Clusters(1000, 5);
        var test = Clusters(2000, 6);
        var start = MlpTraining.InitialiseClassifier(RngKey.FromSeed(3), 2, [16, 16], 2, MlpActivation.Softplus).ThrowIfFail();
        var settings = new LangevinSettings(NoiseDistribution.UniformBox(Vec.Of(-4.0, -4.0), Vec.Of(4.0, 4.0)).ThrowIfFail(), Steps: 10, StepSize: 0.05);
        foreach (var objective in new[] { JointEnergy.Classifier(MlpTraining.ClassifierDerivatives), JointEnergy.Objective(MlpTraining.ClassifierDerivatives, settings) })
        {
            var fit = Fit(MlpTraining.ClassifierParameters, objective, start, train, 0.01, 100, 20, 4);
            var features = Mat.Create(test.Rows, 2, d =>
            {
                for (var r = 0; r < test.Rows; r++) test.Row(r)[..2].CopyTo(d.Slice(2 * r, 2));
            });
            var labels = Enumerable.Range(0, test.Rows).Select(r => (int)test[r, 2]).ToArray();
            var accuracy = Calibration.Accuracy(fit.Probabilities(features), labels).ThrowIfFail();
            Assert.True(accuracy >= 0.99, $"{objective.Name}: accuracy {accuracy}");
            if (objective.Name != JointEnergy.Name) continue;
            var metrics = objective.Step(RngKey.FromSeed(9), fit, objective.StartChains(RngKey.FromSeed(9), fit).ThrowIfFail(), train).ThrowIfFail().Metrics;
            var energy = (string name) => metrics.Find(m => m.Name == name).Map(m => m.Value).IfNone(double.NaN);
            Assert.True(energy(LangevinLikelihood.DataEnergyMetric) < energy(LangevinLikelihood.SampleEnergyMetric));
        }
    }

    [Fact]
    public void Samples_of_the_jem_energy_land_on_the_data_support()
    {
        // The probability that a draw from exp(-E) on the box [-4, 4]^2 (E = -logsumexp f, normalised on a 200 x 200
        // midpoint grid) lands within 1.5 of a cluster centre. The data put 1 - exp(-1.5^2 / (2 * 0.25)) = 0.989 of their
        // mass there, a uniform draw on the box 2 pi 1.5^2 / 64 = 0.22; the JEM model must put at least 0.8 there. The
        // plain classifier, trained the same way without the generative term, is the contrast: no bound is asserted on it,
        // its mass is reported in the message.
        var train = Clusters(1000, 5);
        var start = MlpTraining.InitialiseClassifier(RngKey.FromSeed(3), 2, [16, 16], 2, MlpActivation.Softplus).ThrowIfFail();
        var settings = new LangevinSettings(NoiseDistribution.UniformBox(Vec.Of(-4.0, -4.0), Vec.Of(4.0, 4.0)).ThrowIfFail(), Steps: 10, StepSize: 0.05);
        var jem = Fit(MlpTraining.ClassifierParameters, JointEnergy.Objective(MlpTraining.ClassifierDerivatives, settings), start, train, 0.01, 100, 20, 4);
        var plain = Fit(MlpTraining.ClassifierParameters, JointEnergy.Classifier(MlpTraining.ClassifierDerivatives), start, train, 0.01, 100, 20, 4);

        var (jemMass, plainMass) = (MassNearCentres(jem), MassNearCentres(plain));

        Assert.True(jemMass >= 0.8, $"JEM puts {jemMass:F3} of its mass within 1.5 of the clusters (plain classifier {plainMass:F3})");
    }

    private static double MassNearCentres(MlpClassifier model)
    {
        const int cells = 200;
        const double low = -4.0, width = 8.0 / cells;
        var points = Mat.Create(cells * cells, 2, d =>
        {
            for (var i = 0; i < cells; i++)
                for (var j = 0; j < cells; j++)
                {
                    d[2 * (i * cells + j)] = low + (i + 0.5) * width;
                    d[2 * (i * cells + j) + 1] = low + (j + 0.5) * width;
                }
        });
        var energies = model.Energies(points);
        var lowest = energies.Span.ToArray().Min();
        double near = 0, total = 0;
        for (var r = 0; r < points.Rows; r++)
        {
            var weight = Math.Exp(lowest - energies[r]);
            total += weight;
            var (x, y) = (points[r, 0], points[r, 1]);
            if (Math.Min(Math.Sqrt((x + 2) * (x + 2) + y * y), Math.Sqrt((x - 2) * (x - 2) + y * y)) < 1.5) near += weight;
        }

        return near / total;
    }

    private static Mat Clusters(int n, ulong seed) => Mat.Create(n, 3, d =>
    {
        var z = new double[2 * n];
        RngKey.FromSeed(seed).Normal(z);
        for (var r = 0; r < n; r++)
        {
            d[3 * r] = (r % 2 == 0 ? -2.0 : 2.0) + 0.5 * z[2 * r];
            d[3 * r + 1] = 0.5 * z[2 * r + 1];
            d[3 * r + 2] = r % 2;
        }
    });
}
