using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// Simulated annealing of q-state Potts and clock lattices with the heat-bath kernel: frustrated antiferromagnets whose
/// exact ground energy is the lowest level of their exact energy counts, the best state's energy exact, and the same bits
/// for any thread count.
/// </summary>
public sealed class CategoricalAnnealingTests
{
    /// <summary>Restarts per model.</summary>
    private const int Restarts = 100;

    /// <summary>
    /// The rate claimed: a restart of 300 geometric sweeps from T = 3 to 0.05 reaches the ground state with probability at
    /// least 0.9 (measured 100 and 97 of 100 restarts for the Potts and the clock model). If p = 0.9 exactly, P(fewer than 80
    /// of 100) = 8.1e-4. The same sweeps at infinite temperature (beta = 0 throughout) must fall short of the bar, so the
    /// test can fail.
    /// </summary>
    private const int LeastSuccesses = 80;

    public static TheoryData<string> Models => new() { "potts", "clock" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Finds_the_exact_ground_state_of_a_frustrated_lattice_in_at_least_80_of_100_restarts(string kind)
    {
        var model = Model(kind);
        var ground = Valid(CategoricalEnumeration.EnergyCounts(model)).Energies[0];
        var schedule = Valid(CoolingSchedule.Geometric(3.0, 0.05, 300));
        var result = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(17), model, Valid(SaKernels.HeatBath(model)), schedule, new SaSettings(Restarts)));
        var success = SaSuccess.Of(result, ground);
        Assert.True(success.Successes >= LeastSuccesses, $"{kind}: {success.Successes} of {Restarts} restarts reached E0 = {ground}");
        Assert.Equal(model.Energy(result.BestState.ToArray()), result.BestEnergy);
        Assert.True(result.BestEnergy >= ground - 1e-9);
        Assert.All(result.BestState.ToArray(), v => Assert.InRange(v, 0, model.Levels - 1));

        var hot = Valid(CoolingSchedule.Create(Ebm.Functional.Numerics.Vec.Zeros(300)));
        var blind = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(17), model, Valid(SaKernels.HeatBath(model)), hot, new SaSettings(Restarts)));
        Assert.True(SaSuccess.Of(blind, ground).Successes < LeastSuccesses, $"{kind}: a search at beta = 0 reached E0 {SaSuccess.Of(blind, ground).Successes} times");
    }

    [Fact]
    public void Gives_the_same_bits_for_one_and_two_threads()
    {
        var model = Model("potts");
        var schedule = Valid(CoolingSchedule.Geometric(3.0, 0.05, 60));
        var kernel = Valid(SaKernels.HeatBath(model));
        var one = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(5), model, kernel, schedule, new SaSettings(6, MaxDegreeOfParallelism: 1)));
        var two = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(5), model, kernel, schedule, new SaSettings(6, MaxDegreeOfParallelism: 2)));
        Assert.Equal(one.RestartBestEnergies.ToArray(), two.RestartBestEnergies.ToArray());
        Assert.Equal(one.BestState.ToArray(), two.BestState.ToArray());
    }

    [Fact]
    public void The_heat_bath_refuses_a_model_that_is_not_a_lattice()
    {
        Assert.True(SaKernels.HeatBath(new NotALattice()).IsFail);
    }

    /// <summary>A 3-state antiferromagnetic Potts model on a 3 x 4 torus with a field on state 0 (which the antiferromagnet cannot give every unit), or a 5-state clock antiferromagnet on a 3 x 3 torus (odd sides: frustrated) with a field.</summary>
    private static ICategoricalModel Model(string kind) => kind == "potts"
        ? Valid(PottsModel.Create(3, 4, 3, -1.0, 0.7, Boundary.Periodic))
        : Valid(ClockModel.Create(3, 3, 5, -1.0, 0.3, Boundary.Periodic));

    private sealed class NotALattice : ICategoricalModel
    {
        public string Kind => "custom";
        public int Dimension => 2;
        public int Levels => 3;
        public double Energy(ReadOnlySpan<double> state) => state[0] == state[1] ? -1.0 : 0.0;
        public Ebm.Functional.Numerics.Vec Energies(Ebm.Functional.Numerics.Mat states) => Ebm.Functional.Numerics.Vec.Create(states.Rows, d =>
        {
            for (var r = 0; r < states.Rows; r++) d[r] = Energy(states.Row(r));
        });
        public double ChangeEnergy(ReadOnlySpan<double> state, int site, int value) => 0.0;
    }
}
