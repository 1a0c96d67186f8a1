using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// One tensor-product trapezoid evaluation of Z, U and Var(E) on a fixed grid (the building block of
/// <see cref="Quadrature2D"/>).
/// </summary>
internal static class QuadratureGrid
{
    /// <summary>
    /// log Z, U and Var(E) on the grid of (<paramref name="xIntervals"/> + 1) x (<paramref name="yIntervals"/> + 1)
    /// nodes spanning the region; rows run in parallel when the grid has at least
    /// <paramref name="parallelNodeThreshold"/> nodes, at most <paramref name="maxDegreeOfParallelism"/> at a time.
    /// </summary>
    public static Fin<ExactResult> Integrate(IContinuousModel model, double beta, QuadratureRegion region, int xIntervals, int yIntervals, int parallelNodeThreshold, int maxDegreeOfParallelism = -1)
    {
        var xStep = (region.XMax - region.XMin) / xIntervals;
        var yStep = (region.YMax - region.YMin) / yIntervals;
        var rows = new WeightedMoments[yIntervals + 1];
        var nodesPerRow = xIntervals + 1;
        if ((long)nodesPerRow * rows.Length < parallelNodeThreshold)
        {
            var energies = new double[nodesPerRow];
            for (var j = 0; j < rows.Length; j++) rows[j] = Row(model, beta, region, xStep, yStep, j, yIntervals, energies);
        }
        else
        {
            Batch.ForEachRow(maxDegreeOfParallelism, rows.Length, () => new double[nodesPerRow], (j, energies) =>
                rows[j] = Row(model, beta, region, xStep, yStep, j, yIntervals, energies));
        }

        var total = Merge(rows, 0, rows.Length);
        if (total.SawNaNEnergy)
            return FinFail<ExactResult>(QuadratureErrors.NonFiniteEnergy(model.Kind, "the energy is NaN somewhere in the integration box"));
        if (!(total.Weight > 0) || double.IsInfinity(total.Shift))
            return FinFail<ExactResult>(QuadratureErrors.NonFiniteEnergy(model.Kind, "exp(-beta E) vanishes at every grid node; the box misses the mass"));

        // The moments are of beta E (Row scales every energy), so C = Var(beta E) and beta U come out of order 1 at any
        // beta; U = <beta E> / beta and Var(E) = C / beta^2 are formed last. Moments that overflow there (Var(E) ~ 1/beta^2
        // beyond 1.8e308 at beta = 1e-300) fail, naming beta or the field, rather than as a grid that never converges.
        var logZ = Math.Log(xStep * yStep) + Math.Log(total.Weight) - total.Shift;
        var heatCapacity = total.SquaredDeviations / total.Weight;
        return ExactResultCheck.Finite(model,
            new ExactResult(Quadrature2D.MethodName, beta, logZ, total.Mean / beta, heatCapacity / beta / beta, Option<MagnetisationMoments>.None)
            {
                Entropy = total.Mean + logZ,
                HeatCapacity = heatCapacity,
            });
    }

    /// <summary>The weighted moments of beta E over grid row <paramref name="j"/>, relative to the row's own smallest beta E.</summary>
    private static WeightedMoments Row(
        IContinuousModel model, double beta, QuadratureRegion region, double xStep, double yStep, int j, int yIntervals, double[] energies)
    {
        Span<double> point = stackalloc double[2];
        point[1] = region.YMin + j * yStep;
        var smallest = double.PositiveInfinity;
        var sawNaN = false;
        for (var i = 0; i < energies.Length; i++)
        {
            point[0] = region.XMin + i * xStep;
            var energy = beta * model.Energy(point);
            energies[i] = energy;
            if (energy < smallest) smallest = energy;
            sawNaN |= double.IsNaN(energy);
        }

        if (sawNaN) return WeightedMoments.NaNEnergy;
        if (double.IsPositiveInfinity(smallest)) return WeightedMoments.Empty;

        // First pass: weight and weighted mean, with Neumaier's compensated sums.
        var last = energies.Length - 1;
        double weight = 0, weightCompensation = 0, moment = 0, momentCompensation = 0;
        for (var i = 0; i <= last; i++)
        {
            var f = (i == 0 || i == last ? 0.5 : 1.0) * Math.Exp(-(energies[i] - smallest));
            AddCompensated(ref weight, ref weightCompensation, f);
            if (f > 0) AddCompensated(ref moment, ref momentCompensation, f * (energies[i] - smallest));
        }

        weight += weightCompensation;
        var mean = smallest + (moment + momentCompensation) / weight;

        // Second pass: squared deviations about the row mean, so nothing cancels.
        double squares = 0, squaresCompensation = 0;
        for (var i = 0; i <= last; i++)
        {
            var f = (i == 0 || i == last ? 0.5 : 1.0) * Math.Exp(-(energies[i] - smallest));
            if (f > 0)
            {
                var deviation = energies[i] - mean;
                AddCompensated(ref squares, ref squaresCompensation, f * deviation * deviation);
            }
        }

        var rowWeight = j == 0 || j == yIntervals ? 0.5 : 1.0;
        return new WeightedMoments(smallest, rowWeight * weight, mean, rowWeight * (squares + squaresCompensation));
    }

    /// <summary>Neumaier's variant of Kahan summation: the running error lives in <paramref name="compensation"/>.</summary>
    private static void AddCompensated(ref double sum, ref double compensation, double term)
    {
        var next = sum + term;
        compensation += Math.Abs(sum) >= Math.Abs(term) ? sum - next + term : term - next + sum;
        sum = next;
    }

    /// <summary>Pairwise merge of rows [from, to) in a fixed tree order (independent of threads).</summary>
    private static WeightedMoments Merge(WeightedMoments[] rows, int from, int to)
    {
        if (to - from == 1) return rows[from];
        var middle = from + (to - from) / 2;
        return WeightedMoments.Combine(Merge(rows, from, middle), Merge(rows, middle, to));
    }

    /// <summary>
    /// Weighted moments of a set of nodes: total weight W exp(-Shift), mean of beta E and sum of
    /// weighted squared deviations from the mean (Chan, Golub and LeVeque, 1979).
    /// </summary>
    private readonly record struct WeightedMoments(double Shift, double Weight, double Mean, double SquaredDeviations, bool SawNaNEnergy = false)
    {
        public static WeightedMoments Empty => new(double.PositiveInfinity, 0, 0, 0);

        /// <summary>A row where the energy was NaN at some node: it poisons every merge.</summary>
        public static WeightedMoments NaNEnergy => new(0, double.NaN, double.NaN, double.NaN, true);

        public static WeightedMoments Combine(WeightedMoments a, WeightedMoments b)
        {
            if (a.SawNaNEnergy || b.SawNaNEnergy) return NaNEnergy;
            if (!(a.Weight > 0)) return b;
            if (!(b.Weight > 0)) return a;
            var shift = Math.Min(a.Shift, b.Shift);
            var scaleA = Math.Exp(-(a.Shift - shift));
            var scaleB = Math.Exp(-(b.Shift - shift));
            double weightA = a.Weight * scaleA, weightB = b.Weight * scaleB;
            var weight = weightA + weightB;
            if (!(weight > 0)) return new WeightedMoments(shift, 0, 0, 0);
            var delta = b.Mean - a.Mean;
            var mean = a.Mean + delta * (weightB / weight);
            var squares = a.SquaredDeviations * scaleA + b.SquaredDeviations * scaleB + delta * delta * (weightA / weight) * weightB;
            return new WeightedMoments(shift, weight, mean, squares);
        }
    }
}
