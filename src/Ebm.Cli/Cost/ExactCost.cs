using Ebm.Functional.Exact;
using Ebm.Functional.Models;

namespace Ebm.Cli.Cost;

/// <summary>
/// The cost of an exact sweep (<c>ebm thermo</c>) over B betas, by the method <see cref="LogPartition"/> picks: the
/// configurations each method weighs at every beta, in unit updates.
/// </summary>
/// <remarks>
/// Enumeration walks the 2^n states once for all betas (n updates of the walk and one weight per beta for each
/// state); the RBM layer sums weigh the 2^s configurations of the smaller layer, each against the larger layer; the
/// transfer matrix makes its two-by-two updates (<see cref="IsingTransferMatrix.Updates"/>); 2-D quadrature at most
/// (4/3) 4097^2 energies (grids doubling up to 4096 intervals an axis). Kaufman's formula and the Gaussian closed
/// form are counted as one evaluation of the model per beta. A method that does not apply, or a model too large
/// for it, costs nothing here: the sweep fails at once with its own error.
/// </remarks>
internal static class ExactCost
{
    /// <summary>The options that set the cost of ebm thermo.</summary>
    public const string Levers = "the number of betas (--beta FROM:TO:STEP) or the model's size";

    /// <summary>Bytes of the moments each enumeration block keeps per beta (nine doubles, rounded up).</summary>
    private const double MomentBytes = 80;

    /// <summary>Bytes of one result row.</summary>
    private const double RowBytes = 256;

    /// <summary>The cost of <see cref="LogPartition.Sweep"/> over <paramref name="betas"/> values.</summary>
    public static RunCost Sweep(IEnergyModel model, int betas, ExactMethod method)
    {
        var d = model.Dimension;
        var rows = betas * RowBytes;
        CostPart Each(double evaluations, double updates, double bytes) => new("exact sweep", betas * evaluations, betas * updates, rows + bytes);
        var part = (model, method) switch
        {
            (IsingModel ising, _) => Ising(ising, betas, method, Each),
            (BernoulliRbm rbm, ExactMethod.Auto or ExactMethod.LayerSum) when Math.Min(rbm.Visible, rbm.Hidden) <= RbmExact.MaxEnumeratedUnits =>
                LayerSum(Math.Min(rbm.Visible, rbm.Hidden), Math.Max(rbm.Visible, rbm.Hidden), Each),
            (GaussianBernoulliRbm gbrbm, ExactMethod.Auto or ExactMethod.LayerSum) when gbrbm.Hidden <= GaussianBernoulliRbmExact.MaxHiddenUnits =>
                LayerSum(gbrbm.Hidden, gbrbm.Visible, Each),
            (GaussianBernoulliRbm, _) => Each(0, 0, 0),
            (IDiscreteModel discrete, ExactMethod.Auto or ExactMethod.Enumeration) => Enumeration(discrete.Dimension, betas, rows),
            (IContinuousModel, ExactMethod.Quadrature) or (DoubleWell or RingEnergy or GaussianMixture2D, ExactMethod.Auto) =>
                Each(QuadratureEvaluations, QuadratureEvaluations * d, 0),
            (GaussianModel, _) => Each(1, (double)d * d, 0),
            _ => Each(0, 0, 0),
        };
        return RunCost.Of(part);
    }

    /// <summary>At most (4/3) (4097)^2 energies per beta: every grid from 33^2 doubling to 4097^2.</summary>
    private static double QuadratureEvaluations =>
        4.0 / 3 * (QuadratureSettings.Default.MaxIntervals + 1.0) * (QuadratureSettings.Default.MaxIntervals + 1.0);

    private static CostPart Ising(IsingModel model, int betas, ExactMethod method, Func<double, double, double, CostPart> each)
    {
        var transfer = IsingTransferMatrix.Applies(model);
        // Auto as LogPartition picks: the transfer matrix up to 100 spins, Kaufman, the transfer matrix, enumeration.
        var chosen = method != ExactMethod.Auto ? method
            : model.Dimension <= 100 && transfer ? ExactMethod.TransferMatrix
            : Kaufman.Applies(model) ? ExactMethod.Kaufman
            : transfer ? ExactMethod.TransferMatrix
            : ExactMethod.Enumeration;
        return chosen switch
        {
            ExactMethod.TransferMatrix when transfer => TransferMatrix(model, each),
            ExactMethod.Kaufman => each(1, model.Dimension, 0),
            ExactMethod.Enumeration => Enumeration(model.Dimension, betas, betas * RowBytes),
            _ => each(0, 0, 0),
        };
    }

    /// <summary>The transfer matrix's updates; its vector holds 2^w row states of a few moments each.</summary>
    private static CostPart TransferMatrix(IsingModel model, Func<double, double, double, CostPart> each)
    {
        var updates = (double)IsingTransferMatrix.Updates(model);
        return each(updates, updates, Math.Pow(2, Math.Min(model.Rows, model.Columns)) * MomentBytes * 2);
    }

    private static CostPart LayerSum(int enumerated, int summed, Func<double, double, double, CostPart> each)
    {
        var configurations = Math.Pow(2, enumerated);
        return each(configurations, configurations * summed, 0);
    }

    /// <summary>
    /// One walk over the 2^n states for all betas; its blocks (2^(n - bits), bits = n up to 14 units, else n - 10
    /// clamped to [14, 20], as the walk picks them) each keep the moments of every beta.
    /// </summary>
    private static CostPart Enumeration(int units, int betas, double rows)
    {
        if (units > Functional.Exact.Enumeration.MaxUnits) return new("exact sweep", 0, 0, rows);
        var states = Math.Pow(2, units);
        var blockBits = units <= 14 ? units : Math.Clamp(units - 10, 14, 20);
        var blocks = Math.Pow(2, units - blockBits);
        return new("exact sweep", states * betas, states * (units + betas), rows + blocks * betas * MomentBytes);
    }
}
