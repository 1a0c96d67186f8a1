using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>Max-Cut and QUBO: the model's energy is the problem's own objective on every state, and bad problems are refused.</summary>
public sealed class OptimisationProblemTests
{
    [Fact]
    public void A_unit_triangle_cuts_two_edges_at_best()
    {
        var triangle = Valid(MaxCutProblem.Create(3, Seq(new WeightedEdge(0, 1, 1), new WeightedEdge(1, 2, 1), new WeightedEdge(0, 2, 1))));
        Assert.Equal(3.0, triangle.TotalWeight);
        double[] s = [1, 1, -1];
        Assert.Equal(-1.0, triangle.Model.Energy(s));
        Assert.Equal(2.0, triangle.Cut(s));
        Assert.Equal(2.0, triangle.CutOfEnergy(-1.0));
        var ground = Valid(GroundState.Enumerate(triangle.Model));
        Assert.Equal(2.0, triangle.CutOfEnergy(ground.Energy));
    }

    [Fact]
    public void Every_cut_of_a_weighted_graph_with_parallel_edges_and_mixed_signs_is_half_the_weight_minus_the_energy()
    {
        var key = Key();
        var edges = Enumerable.Range(0, 20).Select(e => new WeightedEdge(e % 7, (e % 7 + 1 + e % 5) % 7, key.NormalAt(e))).ToSeq();
        var problem = Valid(MaxCutProblem.Create(7, edges));
        for (var index = 0; index < 128; index++)
        {
            var s = Enumerable.Range(0, 7).Select(i => ((index >> i) & 1) == 1 ? 1.0 : -1.0).ToArray();
            Assert.Equal(problem.Cut(s), problem.CutOfEnergy(problem.Model.Energy(s)), 1e-12);
        }
    }

    [Fact]
    public void Bad_graphs_are_refused_with_every_problem()
    {
        var errors = Failures(MaxCutProblem.Create(3, Seq(new WeightedEdge(0, 3, 1), new WeightedEdge(1, 1, 1), new WeightedEdge(0, 1, double.NaN))));
        Assert.Equal(3, errors.Count);
        Assert.Contains("outside 0..2", errors[0].Message);
        Assert.Contains("loop", errors[1].Message);
        Assert.Contains("not a finite number", errors[2].Message);
        Assert.Contains("1 to 4096 vertices", Failures(MaxCutProblem.Create(0, Seq<WeightedEdge>())).Head.Message);
    }

    [Fact]
    public void The_qubo_energy_is_x_transpose_q_x_on_every_state()
    {
        // Q = [[-1, 2], [2, -1]]: f(1,0) = f(0,1) = -1, f(1,1) = 2, f(0,0) = 0.
        var small = Valid(QuboProblem.Create(Mat.FromRows([[-1.0, 2.0], [2.0, -1.0]])));
        Assert.Equal(-1.0, small.Model.Energy([1.0, 0.0]));
        Assert.Equal(2.0, small.Model.Energy([1.0, 1.0]));
        Assert.Equal(0.0, small.Model.Energy([0.0, 0.0]));

        var key = Key();
        const int n = 6;
        var q = Mat.Create(n, n, d =>
        {
            for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                d[i * n + j] = d[j * n + i] = key.NormalAt(i * n + j);
        });
        var problem = Valid(QuboProblem.Create(q));
        for (var index = 0; index < 1 << n; index++)
        {
            var x = Enumerable.Range(0, n).Select(i => (double)((index >> i) & 1)).ToArray();
            var direct = 0.0;
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                direct += q[i, j] * x[i] * x[j];
            Assert.Equal(direct, problem.Model.Energy(x), 1e-12);
            Assert.Equal(direct, problem.Objective(x), 1e-12);
        }
    }

    [Fact]
    public void Non_square_asymmetric_and_non_finite_matrices_are_refused()
    {
        Assert.Contains("2 x 3, not square", Failures(QuboProblem.Create(Mat.Zeros(2, 3))).Head.Message);
        var errors = Failures(QuboProblem.Create(Mat.FromRows([[0.0, 1.0], [2.0, double.PositiveInfinity]])));
        Assert.Equal(2, errors.Count);
        Assert.Contains("Q[0][1] = 1 but Q[1][0] = 2", errors[0].Message);
        Assert.Contains("Q[1][1] is ∞", errors[1].Message.Replace("Infinity", "∞", StringComparison.Ordinal));
    }

    private static RngKey Key() => RngKey.FromSeed(19);
}
