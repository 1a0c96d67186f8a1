using Ebm.Functional.Diagnostics;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>Which scalars are diagnosed per model family, and their values on known states.</summary>
public class ObservablesTests
{
    private static T Valid<T>(Validation<LanguageExt.Common.Error, T> model) =>
        model.Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Head.Message));

    private static string[] Names(IEnergyModel model) => Observables.For(model).Map(o => o.Name).ToArray();

    [Fact]
    public void A_small_continuous_model_diagnoses_every_coordinate()
    {
        var well = Valid(DoubleWell.Create(8.0));
        Assert.Equal(["x0", "x1"], Names(well));
        var values = Observables.Evaluate(Observables.For(well), Mat.FromRows([[0.96, 0.1], [-0.95, -0.2]]));
        Assert.Equal(Mat.FromRows([[0.96, 0.1], [-0.95, -0.2]]), values);
        Assert.DoesNotContain(Observables.For(well), o => o.ZeroMeanBySymmetry);
    }

    [Fact]
    public void A_large_continuous_model_diagnoses_sixteen_contiguous_block_means_that_cover_every_coordinate()
    {
        const int d = 40;
        var gaussian = Valid(GaussianModel.Create(Vec.Zeros(d), Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++) p[i * d + i] = 1.0;
        })));
        var observables = Observables.For(gaussian);
        Assert.Equal(Observables.Limit, observables.Count);
        // Blocks of 40/16 = 2.5 units: boundaries ⌊40b/16⌋ = 0, 2, 5, 7, 10, ..., so sizes alternate 2, 3.
        Assert.Equal("mean(x0..x1)", observables[0].Name);
        Assert.Equal("mean(x2..x4)", observables[1].Name);
        Assert.Equal("mean(x37..x39)", observables[15].Name);
        var next = 0;
        foreach (var name in observables.Map(o => o.Name))
        {
            var bounds = name["mean(x".Length..^1].Split("..x").Select(int.Parse).ToArray();
            Assert.Equal(next, bounds[0]);
            next = bounds[1] + 1;
        }
        Assert.Equal(d, next);
        var ramp = Mat.Create(1, d, x =>
        {
            for (var i = 0; i < d; i++) x[i] = i;
        });
        Assert.Equal(0.5, Observables.Evaluate(observables, ramp)[0, 0]);
        Assert.Equal(3.0, Observables.Evaluate(observables, ramp)[0, 1]);
    }

    [Fact]
    public void An_ising_lattice_diagnoses_its_magnetisation_whose_mean_is_zero_by_symmetry_only_at_zero_field()
    {
        var free = Observables.For(Valid(IsingModel.Create(2, 2, 1.0, 0.0, Boundary.Periodic)));
        Assert.Equal("m", free.Single().Name);
        Assert.True(free.Single().ZeroMeanBySymmetry);
        Assert.Equal(0.5, Observables.Evaluate(free, Mat.FromRows([[1, 1, 1, -1]]))[0, 0]);
        Assert.False(Observables.For(Valid(IsingModel.Create(2, 2, 1.0, 0.2, Boundary.Periodic))).Single().ZeroMeanBySymmetry);
    }

    [Fact]
    public void Boltzmann_machines_diagnose_the_mean_state_and_each_unit()
    {
        var couplings = Mat.FromRows([[0, 1, 0], [1, 0, 1], [0, 1, 0]]);
        var spins = Observables.For(Valid(BoltzmannMachine.Create(couplings, Vec.Zeros(3), StateConvention.Spin)));
        Assert.Equal(["m", "x0", "x1", "x2"], spins.Map(o => o.Name).ToArray());
        Assert.True(spins[0].ZeroMeanBySymmetry);
        var biased = Observables.For(Valid(BoltzmannMachine.Create(couplings, Vec.Of(0, 0.1, 0), StateConvention.Spin)));
        Assert.False(biased[0].ZeroMeanBySymmetry);
        var binary = Observables.For(Valid(BoltzmannMachine.Create(couplings, Vec.Zeros(3), StateConvention.Binary)));
        Assert.Equal(["mean(x)", "x0", "x1", "x2"], binary.Map(o => o.Name).ToArray());
        Assert.Equal(Mat.FromRows([[2.0 / 3.0, 1, 0, 1]]), Observables.Evaluate(binary, Mat.FromRows([[1, 0, 1]])));
    }

    [Fact]
    public void Rbms_diagnose_the_visible_units_and_the_mean_hidden_activity()
    {
        var small = Valid(BernoulliRbm.Create(Mat.Zeros(3, 2), Vec.Zeros(3), Vec.Zeros(2)));
        Assert.Equal(["x0", "x1", "x2", "mean(x3..x4)"], Names(small));
        Assert.Equal(Mat.FromRows([[1, 0, 1, 0.5]]), Observables.Evaluate(Observables.For(small), Mat.FromRows([[1, 0, 1, 1, 0]])));

        var images = Valid(BernoulliRbm.Create(Mat.Zeros(784, 64), Vec.Zeros(784), Vec.Zeros(64)));
        var names = Names(images);
        Assert.Equal(Observables.Limit + 1, names.Length);
        Assert.Equal("mean(x0..x48)", names[0]);
        Assert.Equal("mean(x735..x783)", names[15]);
        Assert.Equal("mean(x784..x847)", names[16]);

        var gaussian = Valid(GaussianBernoulliRbm.Create(Mat.Zeros(2, 3), Vec.Zeros(2), Vec.Zeros(3), Vec.Filled(2, 1.0)));
        Assert.Equal(["x0", "x1", "mean(x2..x4)"], Names(gaussian));
    }
}
