using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Testing;

/// <summary>Block Gibbs on a Bernoulli RBM: the joint chain and its visible marginal chain.</summary>
public static partial class TransitionMatrices
{
    /// <summary>
    /// One block-Gibbs step (<c>RbmBlockGibbs</c>): K((v,h),(v',h')) = p(h'|v) p(v'|h') over all 2^(nv+nh) joint
    /// states, indexed x = sum_k 2^k [unit k = 1] with the visible units first, as <c>Enumeration.Probabilities</c>
    /// indexes them. Stationary for p_beta(v, h) but not reversible (h, then v, in a fixed order).
    /// </summary>
    public static Fin<Mat> BlockGibbs(BernoulliRbm model, double beta) =>
        from _ in CheckBeta(beta)
        from __ in CheckUnits(model.ToString(), model.Visible + model.Hidden)
        select JointMatrix(model, beta);

    /// <summary>
    /// The visible marginal chain K_v(v, v') = sum_h p(h|v) p(v'|h), 2^nv x 2^nv: reversible with respect to
    /// p_beta(v) = sum_h p_beta(v, h). Each layer may have up to <see cref="MaxUnits"/> units.
    /// </summary>
    public static Fin<Mat> BlockGibbsVisible(BernoulliRbm model, double beta) =>
        from _ in CheckBeta(beta)
        from __ in CheckUnits(model.ToString(), model.Visible)
        from ___ in CheckUnits($"the hidden layer of {model}", model.Hidden)
        select VisibleMatrix(model, beta);

    private static Mat JointMatrix(BernoulliRbm model, double beta)
    {
        int nv = model.Visible, nh = model.Hidden, visibleStates = 1 << nv, hiddenStates = 1 << nh;
        var hiddenGivenVisible = LayerConditionalTable(model.HiddenProbabilities(AllStates(nv), beta));
        var visibleGivenHidden = LayerConditionalTable(model.VisibleProbabilities(AllStates(nh), beta));
        var size = visibleStates * hiddenStates;
        return Mat.Create(size, size, k =>
        {
            for (var h = 0; h < hiddenStates; h++)
            for (var v = 0; v < visibleStates; v++)
            for (var h2 = 0; h2 < hiddenStates; h2++)
            for (var v2 = 0; v2 < visibleStates; v2++)
                k[(v + visibleStates * h) * size + v2 + visibleStates * h2] = hiddenGivenVisible[v, h2] * visibleGivenHidden[h2, v2];
        });
    }

    private static Mat VisibleMatrix(BernoulliRbm model, double beta)
    {
        int visibleStates = 1 << model.Visible, hiddenStates = 1 << model.Hidden;
        var hiddenGivenVisible = LayerConditionalTable(model.HiddenProbabilities(AllStates(model.Visible), beta));
        var visibleGivenHidden = LayerConditionalTable(model.VisibleProbabilities(AllStates(model.Hidden), beta));
        return Mat.Create(visibleStates, visibleStates, k =>
        {
            for (var v = 0; v < visibleStates; v++)
            for (var v2 = 0; v2 < visibleStates; v2++)
            {
                var sum = 0.0;
                for (var h = 0; h < hiddenStates; h++) sum += hiddenGivenVisible[v, h] * visibleGivenHidden[h, v2];
                k[v * visibleStates + v2] = sum;
            }
        });
    }

    /// <summary>Every binary vector of <paramref name="units"/> units, row x holding the bits of x.</summary>
    private static Mat AllStates(int units) =>
        Mat.Create(1 << units, units, d =>
        {
            for (var x = 0; x < 1 << units; x++)
            for (var i = 0; i < units; i++)
                d[x * units + i] = (x >> i) & 1;
        });

    /// <summary>table[x, y] = prod_u p_u^y_u (1 - p_u)^(1 - y_u) with p = row x of the unit probabilities.</summary>
    private static double[,] LayerConditionalTable(Mat unitProbabilities)
    {
        var units = unitProbabilities.Columns;
        var table = new double[unitProbabilities.Rows, 1 << units];
        for (var x = 0; x < unitProbabilities.Rows; x++)
        for (var y = 0; y < 1 << units; y++)
        {
            var p = 1.0;
            for (var u = 0; u < units; u++) p *= ((y >> u) & 1) == 1 ? unitProbabilities[x, u] : 1.0 - unitProbabilities[x, u];
            table[x, y] = p;
        }

        return table;
    }
}
