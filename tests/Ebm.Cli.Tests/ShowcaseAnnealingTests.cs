using Ebm.Cli.Showcase;
using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Prng;

namespace Ebm.Cli.Tests;

/// <summary>The showcase's annealing run: scored against the exact ground state, computed here from the table of every energy.</summary>
public sealed class ShowcaseAnnealingTests
{
    [Fact]
    public void The_showcase_anneals_its_spin_glass_against_the_exact_ground_state()
    {
        var (ground, result) = ShowcaseAnnealing.Run(ShowcaseJob.DefaultSeed).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var model = SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(ShowcaseJob.DefaultSeed), ShowcaseAnnealing.Spins)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var lowest = Enumeration.Energies(model).Match(e => e.ToArray().Min(), e => throw new InvalidOperationException(e.Message));
        Assert.Equal(lowest, ground.Energy, 1e-12);
        Assert.True(result.BestEnergy >= ground.Energy - 1e-12);
        Assert.Equal(ShowcaseAnnealing.Restarts, result.Restarts);

        var run = ShowcaseRun.Invoke();
        Assert.Contains("Simulated annealing: SK spin glass of 16 spins", run.Out);
        Assert.Contains($"{SaSuccess.Of(result, ground.Energy).Successes} of {ShowcaseAnnealing.Restarts}", run.Out);
    }
}
