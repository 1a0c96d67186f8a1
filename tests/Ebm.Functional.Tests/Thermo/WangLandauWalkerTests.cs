using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using Xunit;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>Wang-Landau's walkers run one by one and combined are <see cref="WangLandau.Run"/>, bit for bit.</summary>
public sealed class WangLandauWalkerTests
{
    private static readonly WangLandauSettings Settings = new() { Walkers = 3, FinalLogF = 1e-3 };

    public static TheoryData<string> Models => new() { "ising", "potts" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Walkers_run_apart_and_combined_are_the_whole_run(string kind)
    {
        IEnergyModel model = kind == "ising"
            ? Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic))
            : Valid(PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic));
        var key = RngKey.FromSeed(12);
        var whole = Expect(WangLandau.Run(key, model, Settings));
        var walkers = Enumerable.Range(0, Settings.Walkers).Select(w => Expect(WangLandau.RunWalker(key, model, Settings, w))).ToArray();
        var combined = Expect(WangLandau.Combine(model, Settings, walkers));
        Assert.True(whole.LogG.Span.SequenceEqual(combined.LogG.Span));
        Assert.True(whole.LogGError.Span.SequenceEqual(combined.LogGError.Span));
        Assert.True(whole.Energies.Span.SequenceEqual(combined.Energies.Span));
        Assert.Equal(whole.Sweeps, combined.Sweeps);
    }

    [Fact]
    public void Walkers_outside_the_run_or_out_of_order_are_errors()
    {
        var model = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        var key = RngKey.FromSeed(3);
        Assert.True(WangLandau.RunWalker(key, model, Settings, 3).IsFail);
        Assert.True(WangLandau.RunWalker(key, model, Settings, -1).IsFail);
        var walkers = Enumerable.Range(0, Settings.Walkers).Select(w => Expect(WangLandau.RunWalker(key, model, Settings, w))).ToArray();
        Assert.True(WangLandau.Combine(model, Settings, [walkers[1], walkers[0], walkers[2]]).IsFail);
        Assert.True(WangLandau.Combine(model, Settings, walkers[..2]).IsFail);
    }

    private static T Valid<T>(Validation<LanguageExt.Common.Error, T> value) => value.Match(x => x, e => throw new Xunit.Sdk.XunitException(e.Head.Message));

    private static T Expect<T>(Fin<T> value) => value.Match(x => x, e => throw new Xunit.Sdk.XunitException(e.Message));
}
