using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>
    /// The order parameter recorded for a q-state Potts or clock chain from its value counts n_k (k = 0..q-1, N units),
    /// in [0, 1]: it feeds the &lt;|m|&gt;, chi and Binder fields of <see cref="OrderMoments"/>.
    /// </summary>
    /// <remarks>
    /// Potts: m = (q max_k n_k / N - 1) / (q - 1), the excess of the most common value over its share q^-1 in a
    /// uniform state: 0 at infinite temperature on average over large lattices, 1 in a ground state (all units equal);
    /// for q = 2 it is the Ising |M| / N. Clock: m = |sum_k n_k (cos 2 pi k / q, sin 2 pi k / q)| / N, the length of
    /// the mean unit vector. Both are invariant under the global symmetry (a relabelling of the values, a rotation by
    /// 2 pi / q), so in zero field they do not average to zero over a long run the way the signed Ising m does.
    /// </remarks>
    /// <param name="model">A Potts or clock lattice.</param>
    /// <param name="counts">How many units take each value 0..q-1.</param>
    public static double CategoricalOrder(ICategoricalModel model, ReadOnlySpan<int> counts)
    {
        var (q, units) = (counts.Length, 0);
        foreach (var n in counts) units += n;
        if (model is ClockModel)
        {
            double along = 0, across = 0;
            for (var k = 0; k < q; k++)
            {
                along += counts[k] * Math.Cos(2 * Math.PI * k / q);
                across += counts[k] * Math.Sin(2 * Math.PI * k / q);
            }

            return Math.Sqrt(along * along + across * across) / units;
        }

        var largest = 0;
        foreach (var n in counts) largest = Math.Max(largest, n);
        return ((double)q * largest / units - 1) / (q - 1);
    }

    private static TemperingSamples RecordCategorical(
        RngKey key, ICategoricalModel model, double[] ladder, TemperingSettings settings, IProgress<double>? progress)
    {
        var total = (double)settings.BurnIn + settings.Sweeps;
        var sampler = ParallelTempering.Create(
            b => PottsCheckerboard.CheckedStep(model, b, settings.MaxDegreeOfParallelism),
            s => PottsChains.FromStates(model, s), ladder, s => s.Energies, PottsChains.Gather, settings.MaxDegreeOfParallelism);
        return Run(key, ladder, settings, sampler, s => s.Energies, (s, c) => CategoricalOrder(model, s.ValueCounts(c)), true,
            ScaledProgress.Of(progress, 0, settings.BurnIn / total), ScaledProgress.Of(progress, settings.BurnIn / total, settings.Sweeps / total),
            CategoricalDraws.Uniform(key.FoldIn(0), model, settings.Chains), LogZAtZero(model));
    }

    private static Seq<ThermoPoint> AnnealCategorical(
        RngKey key, ICategoricalModel model, double[] grid, AnnealedSettings settings, IProgress<double>? progress) =>
        Anneal(key, grid, settings, progress, CategoricalDraws.Uniform(key.FoldIn(0), model, settings.Particles), LogZAtZero(model),
            b => PottsCheckerboard.CheckedStep(model, b, settings.MaxDegreeOfParallelism),
            s => PottsChains.FromStates(model, s), s => s.Energies, (s, c) => CategoricalOrder(model, s.ValueCounts(c)), true);

    /// <summary>log Z(0) = N log q: at beta = 0 every one of the q^N states has weight 1.</summary>
    private static double LogZAtZero(ICategoricalModel model) => model.Dimension * Math.Log(model.Levels);
}
