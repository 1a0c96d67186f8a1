using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Architecture;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// The README's exact-methods example ("Infinite lattice"), run as written on a 3 x 2 RBM, against brute-force
/// enumeration of its 32 joint states and Yang's closed form; the README is checked to still show this code.
/// </summary>
public sealed class RbmExactReadmeTests
{
    // The example's lines exactly as the README shows them: a change to either side fails the sync check below.
    private const string Example = """
        Fin<BernoulliRbm> rbm = BernoulliRbm.Create(weights, visibleBias, hiddenBias)
            .Match(Succ: m => FinSucc(m), Fail: errors => FinFail<BernoulliRbm>(Error.Many(errors)));
        Fin<ExactResult> exact = rbm.Bind(m => RbmExact.Compute(m, beta: 1.0));           // Method = "layer-sum"
        Fin<double> logZ = from m in rbm from z in RbmExact.LogPartitionFunction(m, 1.0) select z; // about 3x faster when U and C are not needed
        Fin<OnsagerResult> inf = Onsager.Compute(coupling: 1.0, beta: 0.5);              // SpontaneousMagnetisation = 0.911319...
        """;

    private static readonly Mat Weights = Mat.FromRows([[0.5, -0.3], [0.2, 0.8], [-0.7, 0.1]]);
    private static readonly Vec VisibleBias = Vec.Of(0.1, -0.2, 0.3);
    private static readonly Vec HiddenBias = Vec.Of(-0.4, 0.25);

    [Fact]
    public void The_readme_shows_the_example_run_here()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains(Example.Replace("\r\n", "\n", StringComparison.Ordinal), readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_example_gives_the_exact_answers()
    {
        var (weights, visibleBias, hiddenBias) = (Weights, VisibleBias, HiddenBias);

        Fin<BernoulliRbm> rbm = BernoulliRbm.Create(weights, visibleBias, hiddenBias)
            .Match(Succ: m => FinSucc(m), Fail: errors => FinFail<BernoulliRbm>(Error.Many(errors)));
        Fin<ExactResult> exact = rbm.Bind(m => RbmExact.Compute(m, beta: 1.0));           // Method = "layer-sum"
        Fin<double> logZ = from m in rbm from z in RbmExact.LogPartitionFunction(m, 1.0) select z; // about 3x faster when U and C are not needed
        Fin<OnsagerResult> inf = Onsager.Compute(coupling: 1.0, beta: 0.5);              // SpontaneousMagnetisation = 0.911319...

        var checks = from m in rbm
                     let brute = RbmBruteForce.Joint(m, 1.0)
                     from r in exact
                     from z in logZ
                     select (brute, r, z);
        checks.Match(
            Succ: c =>
            {
                Assert.Equal("layer-sum", c.r.Method);
                Assert.Equal(c.brute.LogZ, c.r.LogZ, 1e-12);
                Assert.Equal(c.brute.MeanEnergy, c.r.MeanEnergy, 1e-12);
                Assert.Equal(c.brute.LogZ, c.z, 1e-12);
            },
            Fail: e => Assert.Fail(e.Message));

        // Yang (1952): m = (1 - sinh^-4 2K)^(1/8) with K = beta J = 0.5, written out here: 0.911319...
        var yang = Math.Pow(1 - Math.Pow(Math.Sinh(1.0), -4), 0.125);
        inf.Match(Succ: o => Assert.Equal(yang, o.SpontaneousMagnetisation, 1e-12), Fail: e => Assert.Fail(e.Message));
        Assert.StartsWith("0.911319", yang.ToString("R", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_example_reports_every_problem_of_a_bad_rbm_as_a_value()
    {
        var (weights, visibleBias, hiddenBias) = (Weights, Vec.Of(0.1, double.NaN), Vec.Of(0.0));

        Fin<BernoulliRbm> rbm = BernoulliRbm.Create(weights, visibleBias, hiddenBias)
            .Match(Succ: m => FinSucc(m), Fail: errors => FinFail<BernoulliRbm>(Error.Many(errors)));
        Fin<ExactResult> exact = rbm.Bind(m => RbmExact.Compute(m, beta: 1.0));

        Assert.True(exact.IsFail);
        exact.Match(Succ: _ => Assert.Fail("a 3 x 2 weight matrix with 2 visible and 1 hidden biases was accepted"), Fail: e => Assert.True(e is ManyErrors, e.Message));
    }
}
