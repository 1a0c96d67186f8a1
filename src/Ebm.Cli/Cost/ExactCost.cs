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
        // The method the sweep runs first: the one asked for, or the first that Auto tries (none when nothing applies).
        var chosen = method == ExactMethod.Auto ? LogPartition.AutoOrder(model).FirstOrDefault(ExactMethod.Auto) : method;
        var part = (model, chosen) switch
        {
            (IsingModel ising, ExactMethod.TransferMatrix) when IsingTransferMatrix.Applies(ising) => TransferMatrix(ising, Each),
            (IsingModel ising, ExactMethod.Kaufman) => Each(1, ising.Dimension, 0),
            (BernoulliRbm rbm, ExactMethod.LayerSum) when Math.Min(rbm.Visible, rbm.Hidden) <= RbmExact.MaxEnumeratedUnits =>
                LayerSum(Math.Min(rbm.Visible, rbm.Hidden), Math.Max(rbm.Visible, rbm.Hidden), Each),
            (GaussianBernoulliRbm gbrbm, ExactMethod.LayerSum) when gbrbm.Hidden <= GaussianBernoulliRbmExact.MaxHiddenUnits =>
                LayerSum(gbrbm.Hidden, gbrbm.Visible, Each),
            (GaussianBernoulliRbm, _) => Each(0, 0, 0),
            (IDiscreteModel discrete, ExactMethod.Enumeration) => Enumeration(discrete.Dimension, betas, rows),
            (ICategoricalModel categorical, ExactMethod.Enumeration) => CategoricalStates(categorical, rows),
            (ICategoricalModel categorical, ExactMethod.TransferMatrix) => Each(
                CategoricalExact.TransferMatrixUpdates(categorical), CategoricalExact.TransferMatrixUpdates(categorical) * categorical.Levels, 0),
            (IContinuousModel, ExactMethod.Quadrature) => Each(QuadratureEvaluations, QuadratureEvaluations * d, 0),
            (GaussianModel, _) => Each(1, (double)d * d, 0),
            _ => Each(0, 0, 0),
        };
        return RunCost.Of(part);
    }

    /// <summary>At most (4/3) (4097)^2 energies per beta: every grid from 33^2 doubling to 4097^2.</summary>
    private static double QuadratureEvaluations =>
        4.0 / 3 * (QuadratureSettings.Default.MaxIntervals + 1.0) * (QuadratureSettings.Default.MaxIntervals + 1.0);

    /// <summary>The transfer matrix's updates; its vector holds 2^w row states of a few moments each.</summary>
    private static CostPart TransferMatrix(IsingModel model, Func<double, double, double, CostPart> each)
    {
        var updates = (double)IsingTransferMatrix.Updates(model);
        return each(updates, updates, Math.Pow(2, Math.Min(model.Rows, model.Columns)) * MomentBytes * 2);
    }

    /// <summary>One walk over the q^N states for all betas (a histogram of a few thousand bins, then a pass per beta); none when q^N exceeds 2^30.</summary>
    private static CostPart CategoricalStates(ICategoricalModel model, double rows)
    {
        var states = Math.Pow(model.Levels, model.Dimension);
        return states > CategoricalEnumeration.MaxStates ? new("exact sweep", 0, 0, rows) : new("exact sweep", states, states * 4, rows);
    }

    private static CostPart LayerSum(int enumerated, int summed, Func<double, double, double, CostPart> each)
    {
        var configurations = Math.Pow(2, enumerated);
        return each(configurations, configurations * summed, 0);
    }

    /// <summary>One walk over the 2^n states for all betas; each of its blocks (<see cref="Functional.Exact.Enumeration.Blocks"/>) keeps the moments of every beta.</summary>
    private static CostPart Enumeration(int units, int betas, double rows)
    {
        if (units > Functional.Exact.Enumeration.MaxUnits) return new("exact sweep", 0, 0, rows);
        var states = Math.Pow(2, units);
        return new("exact sweep", states * betas, states * (units + betas), rows + (double)Functional.Exact.Enumeration.Blocks(units) * betas * MomentBytes);
    }
}
