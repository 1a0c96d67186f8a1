using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The reweighted quantities at a list of betas, from one solved histogram: per beta, log Z, U, F, S, C and (with
/// magnetisations) &lt;|m|&gt;, chi, U_4, in that order. <see cref="Points"/> attaches jackknife errors.
/// </summary>
/// <param name="Betas">The betas.</param>
/// <param name="Values">Values[i]: the quantities at Betas[i].</param>
internal sealed record ReweightedCurve(double[] Betas, double[][] Values)
{
    private const int Quantities = 8;

    /// <summary>The quantities at every beta of <paramref name="betas"/> from the solved histogram.</summary>
    public static ReweightedCurve At(EnergyHistogram histogram, double[] ladder, double[] logZ, double[] betas, int units)
    {
        var logD = MbarSolver.LogDenominators(histogram, ladder, logZ);
        var values = new double[betas.Length][];
        var bins = histogram.Energies.Length;
        for (var i = 0; i < betas.Length; i++)
        {
            var beta = betas[i];
            var logZBeta = MbarSolver.LogZ(histogram, logD, beta);
            var mass = new double[bins];
            for (var b = 0; b < bins; b++) mass[b] = Math.Exp(-beta * histogram.Energies[b] - logD[b] - logZBeta);
            double u = 0, variance = 0;
            for (var b = 0; b < bins; b++) u += histogram.Counts[b] * mass[b] * histogram.Energies[b];
            for (var b = 0; b < bins; b++) variance += histogram.Counts[b] * mass[b] * (histogram.Energies[b] - u) * (histogram.Energies[b] - u);
            var row = new double[Quantities];
            row[0] = logZBeta;
            row[1] = u;
            row[2] = -logZBeta / beta;
            row[3] = beta * u + logZBeta;
            row[4] = beta * beta * variance;
            if (histogram.HasOrder)
            {
                double absolute = 0, square = 0, fourth = 0;
                for (var b = 0; b < bins; b++)
                {
                    absolute += histogram.AbsoluteSums[b] * mass[b];
                    square += histogram.SquareSums[b] * mass[b];
                    fourth += histogram.FourthSums[b] * mass[b];
                }

                row[5] = absolute;
                row[6] = beta * units * (square - absolute * absolute);
                row[7] = 1 - fourth / (3 * square * square);
            }

            values[i] = row;
        }

        return new ReweightedCurve(betas, values);
    }

    /// <summary>The points, each quantity with its delete-one-group jackknife error from <paramref name="leftOut"/> (0 when it is empty).</summary>
    public Seq<ThermoPoint> Points(IReadOnlyList<ReweightedCurve> leftOut, bool order)
    {
        var groups = leftOut.Count;
        var points = new List<ThermoPoint>(Betas.Length);
        for (var i = 0; i < Betas.Length; i++)
        {
            var measured = new Measured[Quantities];
            for (var q = 0; q < Quantities; q++)
            {
                var error = groups == 0 ? 0.0 : Reweighting.Jackknife(leftOut.Select(c => c.Values[i][q]).ToArray());
                measured[q] = new Measured(Values[i][q], error);
            }

            points.Add(new ThermoPoint(
                Reweighting.Method, Betas[i], measured[0], measured[1],
                Betas[i] == 0 ? new Measured(double.NegativeInfinity, 0) : measured[2],
                measured[3], measured[4], None,
                order ? Some(new OrderMoments(measured[5], measured[6], measured[7])) : None));
        }

        return points.ToSeq();
    }
}
