using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Xunit;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>The README's estimator examples, on a lattice small enough for a test, written as the README writes them.</summary>
public sealed class EstimatorReadmeTests
{
    [Fact]
    public void The_torus_example_lands_within_five_standard_errors_of_kaufman()
    {
        // 4 x 4 torus at beta 0.44; |z| <= 5 fails with probability below 1e-6 for a normal error.
        var estimate = from torus in IsingModel.Create(4, 4, coupling: 1.0, field: 0.0, Boundary.Periodic)
                       from path in Paths.Tempered(torus, 0.44, b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step)
                       from schedule in AnnealingSchedule.Linear(200)
                       from ais in Ais.Run(RngKey.FromSeed(42), path, schedule, particles: 200)
                       select ais;
        var exact = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic)
            .Match(Succ: torus => Kaufman.Compute(torus, 0.44).Match(Succ: r => r.LogZ, Fail: _ => double.NaN), Fail: _ => double.NaN);
        var z = estimate.Match(Succ: ais => (ais.LogZ - exact) / ais.StandardError, Fail: _ => double.NaN);
        Assert.InRange(z, -5.0, 5.0);
    }

    [Fact]
    public void Stepping_the_kernel_as_the_readme_does_gives_the_estimators_particles()
    {
        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(Succ: m => m, Fail: _ => null!);
        var path = Paths.Tempered(torus, 0.44, b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step).Match(Succ: p => p, Fail: _ => null!);
        var schedule = AnnealingSchedule.Linear(20).Match(Succ: s => s, Fail: _ => null!);
        var kernel = Ais.Kernel(path);
        var (baseKey, moveKey) = RngKey.FromSeed(1).Split();
        var final = kernel.Init(baseKey, particles: 100).Map(start => Enumerable.Range(1, schedule.Steps)
            .Aggregate(start, (state, k) => kernel.Step(moveKey.FoldIn(k), moveKey.FoldIn(k), state, schedule[k]).State));
        var ais = Ais.RunWithState(RngKey.FromSeed(1), path, schedule, 100);
        var logZGap = (from f in final from a in ais select Math.Abs(f.LogZ - a.Estimate.LogZ)).Match(Succ: gap => gap, Fail: _ => double.NaN);
        var same = (from f in final from a in ais select Enumerable.Range(0, 100).All(c => f.Particles.Spins(c).SequenceEqual(a.Final.Spins(c))))
            .Match(Succ: equal => equal, Fail: _ => false);
        Assert.True(same);
        Assert.InRange(logZGap, 0.0, 1e-12);
    }
}
