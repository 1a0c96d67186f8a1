using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>The C# example of the README's Potts section, verbatim, and what it claims.</summary>
public sealed class PottsReadmeTests
{
    [Fact]
    public void Readme_example_compares_the_sampled_energy_with_the_exact_one()
    {
        Fin<(double Exact, double Sampled)> energies =
            from model in PottsModel.Create(6, 6, 3, 1.0, 0.0, Boundary.Periodic)
                .Match(Succ: Fin<PottsModel>.Succ, Fail: errors => Fin<PottsModel>.Fail(errors.Head))
            from exact in LogPartition.Exact(model, beta: 0.9)                  // the transfer matrix (3^6 row states)
            from sampler in PottsCheckerboard.Create(model, beta: 0.9)
            let start = sampler.Init(Mat.Zeros(32, model.Dimension))            // 32 chains, all units in state 0
            let run = Loop.Scan(RngKey.FromSeed(7), start, 3000, sampler.Step, (s, _) => s.Energies.ToArray().Average())
            select (exact.MeanEnergy, run.Trace.Skip(500).Average());
        energies.Match(
            Succ: e => Console.WriteLine($"U exact {e.Exact:F3}, sampled {e.Sampled:F3}"),
            Fail: error => Console.WriteLine(error.Message));

        // What the README says it prints (the same seed gives the same bits); that sampled means agree with the exact ones
        // within their Monte Carlo standard error is checked in PottsPhysicsTests.
        var (exactU, sampledU) = energies.Match(e => e, error => throw new InvalidOperationException(error.Message));
        Assert.Equal(-51.132, exactU, 3);
        Assert.Equal(-51.072, sampledU, 3);
    }
}
