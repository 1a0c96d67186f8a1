using Ebm.Cli.Showcase;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Cli.Tests;

public sealed class ShowcaseTests
{
    [Fact]
    public void Running_ebm_without_arguments_prints_the_showcase_tables_and_the_seed()
    {
        var run = ShowcaseRun.Invoke();
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.False(run.HasStackTrace);
        Assert.Contains("Ising model on a 4 x 4 torus", run.Out);
        foreach (var (_, label) in ShowcaseJob.IsingMethods) Assert.Contains(label, run.Out);
        Assert.Contains("Onsager (1944)", run.Out);
        Assert.Contains("(β_c)", run.Out);
        Assert.Contains($"Bernoulli RBM 20 x 10", run.Out);
        Assert.Contains($"seed {ShowcaseJob.DefaultSeed}", run.Out);
        Assert.Equal(ShowcaseJob.IsingBetas.Length, run.Out.Split('\n').Count(l => l.StartsWith('│') && l.Contains("enumeration (2^16 states)", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_seed_option_changes_and_prints_the_seed()
    {
        var run = ShowcaseRun.Invoke("--seed", "7");
        Assert.Equal(0, run.Code);
        Assert.Contains("seed 7", run.Out);
    }

    [Fact]
    public void The_seeded_rbm_is_a_pure_function_of_its_key()
    {
        var a = Valid(SeededRbm.Create(RngKey.FromSeed(2024), 20, 10, 0.1));
        var b = Valid(SeededRbm.Create(RngKey.FromSeed(2024), 20, 10, 0.1));
        var c = Valid(SeededRbm.Create(RngKey.FromSeed(2025), 20, 10, 0.1));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal((20, 10), (a.Weights.Rows, a.Weights.Columns));
    }

    [Fact]
    public void The_three_finite_lattice_methods_agree_with_brute_force_enumeration()
    {
        var model = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        foreach (var row in ShowcaseJob.IsingRows(model))
        {
            var (logZ, u, c) = IsingBruteForce(4, row.Beta);
            var r = row.Result.Match(x => x, e => throw new InvalidOperationException($"{row.Label} at beta {row.Beta}: {e.Message}"));
            Assert.Equal(logZ, r.LogZ, 1e-10 * Math.Abs(logZ));
            Assert.Equal(u, r.MeanEnergy, 1e-9 * Math.Max(1, Math.Abs(u)));
            Assert.Equal(c, r.HeatCapacity, 1e-8 * Math.Max(1, c));
        }
    }

    [Fact]
    public void The_rbm_log_partition_function_matches_an_independent_sum_over_the_hidden_layer()
    {
        var rbm = Valid(SeededRbm.Create(RngKey.FromSeed(ShowcaseJob.DefaultSeed), ShowcaseJob.RbmVisible, ShowcaseJob.RbmHidden, ShowcaseJob.RbmScale));
        foreach (var beta in ShowcaseJob.RbmBetas)
        {
            var expected = RbmLogZByHiddenSum(rbm, beta);
            var result = LogPartition.Exact(rbm, beta, ExactMethod.LayerSum).Match(x => x, e => throw new InvalidOperationException(e.Message));
            Assert.Equal(expected, result.LogZ, 1e-10 * Math.Abs(expected));
        }
    }

    [Fact]
    public void The_estimator_rows_carry_errors_that_cover_the_exact_values()
    {
        // Fixed seed; |z| <= 5 has false-failure probability below 1e-6 per row for a normal error, and the
        // rows are the table the showcase prints.
        var rows = ShowcaseJob.EstimatorRows(ShowcaseJob.DefaultSeed);

        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var e = row.Estimate;
            Assert.True(e.StandardError > 0 && double.IsFinite(e.StandardError), $"{row.Method}: SE {e.StandardError}");
            Assert.InRange((e.LogZ - row.Exact) / e.StandardError, -5.0, 5.0);
        }

        var run = ShowcaseRun.Invoke();
        Assert.Contains("log Z estimators against exact answers", run.Out);
    }

    /// <summary>
    /// log Z, U and C of the L x L periodic Ising model (J = 1, h = 0) by summing all 2^(L^2) states, with
    /// E(s) = -sum_i s_i (s_right(i) + s_down(i)), in log space around the largest exponent.
    /// </summary>
    private static (double LogZ, double U, double C) IsingBruteForce(int side, double beta)
    {
        var n = side * side;
        var energies = new double[1 << n];
        for (var state = 0; state < energies.Length; state++)
        {
            double e = 0;
            for (var r = 0; r < side; r++)
            for (var c = 0; c < side; c++)
            {
                var s = Spin(state, r * side + c);
                e -= s * (Spin(state, r * side + (c + 1) % side) + Spin(state, (r + 1) % side * side + c));
            }

            energies[state] = e;
        }

        var max = energies.Max(e => -beta * e);
        double z = 0, first = 0, second = 0;
        foreach (var e in energies)
        {
            var w = Math.Exp(-beta * e - max);
            z += w;
            first += w * e;
            second += w * e * e;
        }

        var u = first / z;
        return (max + Math.Log(z), u, beta * beta * (second / z - u * u));
    }

    private static double Spin(int state, int site) => ((state >> site) & 1) == 1 ? 1.0 : -1.0;

    /// <summary>
    /// log Z(beta) = log sum_h exp(beta c.h) prod_i (1 + exp(beta (b_i + W_i.h))), summing the 2^nh hidden
    /// states in log space with softplus written stably.
    /// </summary>
    private static double RbmLogZByHiddenSum(BernoulliRbm rbm, double beta)
    {
        var terms = new double[1 << rbm.Hidden];
        for (var h = 0; h < terms.Length; h++)
        {
            double t = 0;
            for (var j = 0; j < rbm.Hidden; j++)
                if (((h >> j) & 1) == 1) t += beta * rbm.HiddenBias[j];
            for (var i = 0; i < rbm.Visible; i++)
            {
                var a = rbm.VisibleBias[i];
                for (var j = 0; j < rbm.Hidden; j++)
                    if (((h >> j) & 1) == 1) a += rbm.Weights[i, j];
                var x = beta * a;
                t += Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            }

            terms[h] = t;
        }

        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    private static T Valid<T>(Validation<Error, T> validation) =>
        validation.Match(Succ: x => x, Fail: errors => throw new InvalidOperationException(string.Join("; ", errors.Map(e => e.Message))));
}
