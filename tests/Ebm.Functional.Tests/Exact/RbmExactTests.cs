using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public class RbmExactTests
{
    // Brute force and layer sum both add a few hundred rounded terms; 1e-12 relative leaves a factor ~100 of room.
    private const double Relative = 1e-12;

    public static TheoryData<int, int, double, double> TinyModels()
    {
        var data = new TheoryData<int, int, double, double>();
        foreach (var beta in new[] { 0.0, 0.5, 1.0, 2.0 })
        {
            data.Add(5, 4, 1.0, beta);
            data.Add(3, 6, 1.0, beta);
            data.Add(1, 1, 1.0, beta);
            data.Add(4, 4, 25.0, beta);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TinyModels))]
    public void Both_layer_sums_equal_joint_enumeration(int visible, int hidden, double weightScale, double beta)
    {
        var model = RbmTestModels.Bernoulli(visible, hidden, weightScale, 1.0, (ulong)(17 * visible + hidden));
        var expected = RbmBruteForce.Joint(model, beta);

        foreach (var result in new[] { RbmExact.EnumerateHidden(model, beta), RbmExact.EnumerateVisible(model, beta), RbmExact.Compute(model, beta) })
        {
            var r = Succeeded(result);
            Assert.Equal("layer-sum", r.Method);
            AssertClose(expected.LogZ, r.LogZ, Relative);
            AssertClose(expected.MeanEnergy, r.MeanEnergy, Relative);
            AssertClose(expected.EnergyVariance, r.EnergyVariance, Relative);
        }
    }

    [Fact]
    public void Weights_of_fifty_use_the_product_form_and_stay_exact()
    {
        // |beta W| up to 50 at beta = 2: e^(beta a) reaches e^200, far beyond what a naive sum of exp can hold.
        var model = RbmTestModels.Bernoulli(5, 4, 25.0, 3.0, 11);
        const double beta = 2.0;
        var bound = RbmLayerSumProblem.EnumerateHidden(model).ActivationBound(beta);
        Assert.InRange(bound, 100.0, RbmProductLayerSum.MaxActivation);

        var expected = RbmBruteForce.Joint(model, beta);
        var actual = Succeeded(RbmExact.EnumerateHidden(model, beta));
        AssertClose(expected.LogZ, actual.LogZ, Relative);
        AssertClose(expected.MeanEnergy, actual.MeanEnergy, Relative);
        AssertClose(expected.EnergyVariance, actual.EnergyVariance, 1e-9);
    }

    [Fact]
    public void Weights_beyond_the_product_range_fall_back_to_the_stable_sum()
    {
        var model = RbmTestModels.Bernoulli(5, 3, 600.0, 50.0, 5);
        const double beta = 1.0;
        Assert.True(RbmLayerSumProblem.EnumerateHidden(model).ActivationBound(beta) > RbmProductLayerSum.MaxActivation);

        var expected = RbmBruteForce.Joint(model, beta);
        var actual = Succeeded(RbmExact.EnumerateHidden(model, beta));
        AssertClose(expected.LogZ, actual.LogZ, Relative);
        AssertClose(expected.MeanEnergy, actual.MeanEnergy, Relative);
    }

    [Theory]
    [InlineData(40, 12, 1.0, 1.0, 0.0)]
    [InlineData(12, 40, 1.0, 0.7, 0.0)]
    [InlineData(30, 10, 40.0, 1.0, 100.0)]
    [InlineData(3, 9, 90.0, 2.0, 250.0)]
    public void Product_form_equals_the_stable_per_unit_sum(int visible, int hidden, double weightScale, double beta, double smallestBound)
    {
        // The smaller layer is enumerated; the larger bounds exercise the renormalisation of the running product.
        var model = RbmTestModels.Bernoulli(visible, hidden, weightScale, 2.0, 99);
        var problem = hidden <= visible ? RbmLayerSumProblem.EnumerateHidden(model) : RbmLayerSumProblem.EnumerateVisible(model);
        Assert.InRange(problem.ActivationBound(beta), smallestBound, RbmProductLayerSum.MaxActivation);

        var stable = RbmStableLayerSum.Run(problem, beta, null);
        var product = RbmProductLayerSum.Run(problem, beta, true, null);
        var logOnly = RbmProductLayerSum.Run(problem, beta, false, null);
        AssertClose(stable.LogWeight, product.LogWeight, Relative);
        AssertClose(stable.LogWeight, logOnly.LogWeight, Relative);
        AssertClose(stable.Mean, product.Mean, Relative);
        AssertClose(stable.Variance, product.Variance, 1e-10);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(30.0)]
    public void Portable_vectors_give_the_same_sums_as_the_stable_form(double weightScale)
    {
        // The machine's natural Vector<double> path, used where 512-bit vectors are not accelerated.
        var problem = RbmLayerSumProblem.EnumerateHidden(RbmTestModels.Bernoulli(37, 9, weightScale, 1.0, 12));
        var stable = RbmStableLayerSum.Run(problem, 1.1, null);
        var portable = RbmProductLayerSum.Run<System.Numerics.Vector<double>, DoublePortableLanes, RbmWithMoments>(problem, 1.1, null);
        var portableLogOnly = RbmProductLayerSum.Run<System.Numerics.Vector<double>, DoublePortableLanes, RbmLogPartitionOnly>(problem, 1.1, null);
        AssertClose(stable.LogWeight, portable.LogWeight, Relative);
        AssertClose(stable.LogWeight, portableLogOnly.LogWeight, Relative);
        AssertClose(stable.Mean, portable.Mean, Relative);
        AssertClose(stable.Variance, portable.Variance, 1e-10);
    }

    [Fact]
    public void Visible_sum_equals_hidden_sum_on_a_model_too_large_to_list_jointly()
    {
        var model = RbmTestModels.Bernoulli(14, 11, 1.5, 1.0, 3);
        var hidden = Succeeded(RbmExact.EnumerateHidden(model, 0.8));
        var visible = Succeeded(RbmExact.EnumerateVisible(model, 0.8));
        AssertClose(hidden.LogZ, visible.LogZ, Relative);
        AssertClose(hidden.MeanEnergy, visible.MeanEnergy, Relative);
        AssertClose(hidden.EnergyVariance, visible.EnergyVariance, 1e-11);
    }

    [Fact]
    public void At_beta_zero_log_z_counts_the_states()
    {
        var model = RbmTestModels.Bernoulli(9, 7, 3.0, 2.0, 8);
        AssertClose(16 * Math.Log(2.0), Succeeded(RbmExact.Compute(model, 0.0)).LogZ, 1e-15);
    }

    [Fact]
    public async Task Result_is_bit_identical_on_one_thread()
    {
        // Parallel.For schedules on the current scheduler: the exclusive one runs a single task at a time.
        var model = RbmTestModels.Bernoulli(40, 14, 0.5, 1.0, 21);
        var parallel = Succeeded(RbmExact.Compute(model, 1.0));
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var single = await Task.Factory.StartNew(() => Succeeded(RbmExact.Compute(model, 1.0)), CancellationToken.None, TaskCreationOptions.None, exclusive);
        Assert.Equal(parallel, single);
    }

    [Fact]
    public void Progress_reaches_one()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<double>();
        Succeeded(RbmExact.Compute(RbmTestModels.Bernoulli(30, 12, 0.5, 1.0, 2), 1.0, new SynchronousProgress(reports.Add)));
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports.Max());
        Assert.All(reports, r => Assert.InRange(r, 0.0, 1.0));
    }

    [Fact]
    public void A_layer_of_more_than_thirty_units_is_refused_with_its_size_and_the_estimators()
    {
        var model = RbmTestModels.Bernoulli(31, 32, 0.1, 0.1, 1);
        var error = Failed(RbmExact.Compute(model, 1.0));
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("31 x 32", error.Message);
        Assert.Contains("31 units", error.Message);
        Assert.Contains("AIS", error.Message);
        Assert.Equal(ExactErrors.TooLargeCode, Failed(RbmExact.EnumerateHidden(model, 1.0)).Code);
        Assert.Equal(ExactErrors.TooLargeCode, Failed(RbmExact.LogPartitionFunction(model, 1.0)).Code);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_invalid_beta_is_an_error(double beta)
    {
        var model = RbmTestModels.Bernoulli(3, 2, 1.0, 1.0, 1);
        Assert.Equal(ExactErrors.InvalidBetaCode, Failed(RbmExact.Compute(model, beta)).Code);
    }

    internal static ExactResult Succeeded(Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));

    internal static LanguageExt.Common.Error Failed<T>(Fin<T> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e);

    internal static void AssertClose(double expected, double actual, double relative)
    {
        var tolerance = relative * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (difference {actual - expected:E3}, tolerance {tolerance:E3})");
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
