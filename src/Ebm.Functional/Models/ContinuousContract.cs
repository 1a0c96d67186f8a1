using Ebm.Functional.Numerics;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>The checks of <see cref="ModelContract"/> for a continuous model: batch energies and the gradient against E.</summary>
internal static class ContinuousContract
{
    /// <summary>Every inconsistency of <paramref name="model"/> at the rows of <paramref name="points"/>, one error per member.</summary>
    public static List<Error> Check(IContinuousModel model, Mat points, ContractSettings settings)
    {
        var d = model.Dimension;
        var energy = new ContractTally("Energy", "", "evaluations (points and their finite-difference neighbours)", "fails at");
        var batch = new ContractTally("Energies", "Energy of the row", "points");
        var gradient = new ContractTally("EnergyGradient", "the finite difference of Energy", "(point, coordinate) pairs");
        var errors = new List<Error>();
        var batchEnergies = DiscreteContract.BatchEnergies(() => model.Energies(points), points.Rows, errors);

        var point = new double[d];
        var answer = new double[d];
        var reference = new double[d];
        for (var r = 0; r < points.Rows; r++)
        {
            var row = r;
            string Point() => ContractTally.Describe("at point", row, point);
            points.Row(r).CopyTo(point);
            var e = DiscreteContract.EnergyOf(model, point, energy, Point);
            if (!double.IsFinite(e)) continue;
            if (batchEnergies is not null) batch.Compare(batchEnergies[r], e, Math.Max(1.0, Math.Abs(e)), settings.Tolerance, Point);
            if (!FiniteDifferenceAt(model, point, reference, energy, Point)) continue;
            // NaN marks every component, so one the gradient leaves unwritten shows up as a disagreement.
            Array.Fill(answer, double.NaN);
            if (gradient.Evaluate(() => Gradient(model, point, answer), Point) is null) continue;
            var scale = Math.Max(1.0, Math.Abs(e));
            foreach (var value in reference) scale = Math.Max(scale, Math.Abs(value));
            for (var i = 0; i < d; i++)
            {
                var coordinate = i;
                gradient.Compare(answer[i], reference[i], scale, settings.GradientTolerance, () => $"{Point()}, coordinate {coordinate}");
            }
        }

        foreach (var tally in new[] { energy, batch, gradient })
            if (tally.Error() is { } error) errors.Add(error);
        return errors;
    }

    /// <summary>The fourth-order finite difference of the model's energy at <paramref name="point"/>; false when an energy near it is not finite.</summary>
    private static bool FiniteDifferenceAt(IContinuousModel model, double[] point, double[] reference, ContractTally energy, Func<string> where)
    {
        var finite = true;
        FiniteDifference.Gradient(x =>
        {
            var e = DiscreteContract.EnergyOf(model, x.ToArray(), energy, where);
            finite &= double.IsFinite(e);
            return e;
        }, point, reference);
        return finite && reference.All(double.IsFinite);
    }

    private static double Gradient(IContinuousModel model, double[] point, double[] gradient)
    {
        model.EnergyGradient(point, gradient);
        return 0.0;
    }
}
