using System.Numerics.Tensors;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>PCD and pseudolikelihood for the homogeneous Ising model.</summary>
public static partial class IsingTraining
{
    /// <summary>
    /// Persistent contrastive divergence (Younes 1989; Tieleman 2008): &lt;B&gt;_model and &lt;M&gt;_model are the means over
    /// <paramref name="chains"/> persistent chains, each moved by k systematic heat-bath sweeps per step (sweep s with
    /// <c>key.FoldIn(s)</c>); the chains are one matrix (chains x n), started uniform over the spin states.
    /// </summary>
    /// <param name="chains">Persistent chains, at least 1.</param>
    /// <param name="k">Sweeps per step, at least 1.</param>
    public static Objective<IsingModel> PersistentContrastiveDivergence(int chains, int k = 1) =>
        new(
            "pcd",
            (key, model) => BoltzmannTraining.CheckPositive("chains", chains)
                .Map(count => Seq1(ExactDraws.Uniform(key, count, model.Dimension, StateConvention.Spin))),
            (key, model, persistent, batch) =>
                from count in BoltzmannTraining.CheckPositive("chains", chains)
                from sweeps in BoltzmannTraining.CheckPositive("k", k)
                from data in CheckData(model, batch)
                from start in BoltzmannTraining.CheckChains("pcd", model, persistent, 1, count)
                let moved = BoltzmannTraining.Sweeps(key, model, start.Head, sweeps)
                let dataTerm = model.MeanParameterGradient(data)
                let modelTerm = model.MeanParameterGradient(moved)
                select new ObjectiveResult(
                    Vec.Of(dataTerm.Coupling - modelTerm.Coupling, dataTerm.Field - modelTerm.Field),
                    Seq1(moved),
                    Seq<Metric>()));

    /// <summary>
    /// The average pseudo-log-likelihood (1/N) sum_r sum_i log p(s_ri | s_r,-i) (Besag 1975), with
    /// p(s_i | rest) = sigmoid(2 s_i f_i) and f_i = J n_i + h, n_i the sum of the neighbours' spins
    /// (<see cref="IsingModel.LocalField"/>).
    /// </summary>
    public static Fin<double> PseudoLogLikelihood(IsingModel model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return from valid in CheckData(model, data)
               select PseudolikelihoodTerms(model, valid).Score;
    }

    /// <summary>
    /// Maximum pseudolikelihood for (J, h): the loss -<see cref="PseudoLogLikelihood"/>, with dLoss/dJ =
    /// -(1/N) sum_ri sigmoid(-2 s_i f_i) 2 s_i n_i and dLoss/dh = -(1/N) sum_ri sigmoid(-2 s_i f_i) 2 s_i. Consistent, cheap
    /// (O(n) per example) and free of Z at any lattice size. Metric: "pseudo-log-likelihood" before the update.
    /// </summary>
    public static Objective<IsingModel> Pseudolikelihood() =>
        new(
            "pl",
            (_, _) => FinSucc(Seq<Mat>()),
            (_, model, _, batch) =>
                from data in CheckData(model, batch)
                let terms = PseudolikelihoodTerms(model, data)
                select new ObjectiveResult(terms.Gradient, Seq<Mat>(), Seq1(new Metric(BoltzmannTraining.PseudoLogLikelihoodMetric, terms.Score))));

    private static (Vec Gradient, double Score) PseudolikelihoodTerms(IsingModel model, Mat data)
    {
        var neighbourLists = Neighbours(model);
        var values = data.Span;
        var n = model.Dimension;
        var neighbours = new double[values.Length];
        var margins = new double[values.Length];
        for (var r = 0; r < data.Rows; r++)
        {
            var s = data.Row(r);
            for (var i = 0; i < n; i++)
            {
                var k = r * n + i;
                var sum = 0.0;
                foreach (var j in neighbourLists[i]) sum += s[j];
                neighbours[k] = sum;
                margins[k] = 2.0 * s[i] * (model.Coupling * sum + model.Field);
            }
        }

        var logConditionals = new double[margins.Length];
        LogSpace.LogSigmoid(margins, logConditionals);
        TensorPrimitives.Negate(margins, margins);
        LogSpace.Sigmoid(margins, margins);
        double coupling = 0, field = 0;
        for (var k = 0; k < margins.Length; k++)
        {
            var weight = margins[k] * 2.0 * values[k];
            coupling -= weight * neighbours[k];
            field -= weight;
        }

        var score = TensorPrimitives.Sum<double>(logConditionals);
        return (Vec.Of(coupling / data.Rows, field / data.Rows), score / data.Rows);
    }

    /// <summary>
    /// Each site's neighbours as <see cref="IsingModel.LocalField"/> sums them: right, left, down and up where the boundary
    /// allows, a neighbour listed twice across a periodic side of length 2, never the site itself.
    /// </summary>
    private static int[][] Neighbours(IsingModel model)
    {
        int rows = model.Rows, columns = model.Columns;
        var periodic = model.Boundary == Boundary.Periodic;
        var lists = new int[model.Dimension][];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
            {
                var list = new List<int>(4);
                if (columns > 1)
                {
                    if (periodic || column + 1 < columns) list.Add(row * columns + (column + 1) % columns);
                    if (periodic || column > 0) list.Add(row * columns + (column + columns - 1) % columns);
                }

                if (rows > 1)
                {
                    if (periodic || row + 1 < rows) list.Add((row + 1) % rows * columns + column);
                    if (periodic || row > 0) list.Add((row + rows - 1) % rows * columns + column);
                }

                lists[row * columns + column] = [.. list];
            }

        return lists;
    }
}
