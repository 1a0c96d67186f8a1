using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Finite but extreme parameters and inverse temperatures: every exact method returns finite numbers
/// that match a reference worked out by hand here, or fails with an expected error naming the field and beta.
/// </summary>
/// <remarks>
/// The references use the closed forms of the limits: when beta times the gap above the ground energy exceeds
/// 746, exp(-beta gap) is 0 in double precision, so log Z = -beta E_0 + log g, U = E_0, S = log g and C = 0
/// exactly, g the number of ground states; the Gaussian's S and C are written from their closed forms.
/// </remarks>
public sealed class ExactOverflowTests
{
    private static T Valid<T>(Validation<Error, T> v) => v.Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    private static ExactResult Success(Fin<ExactResult> result) => result.Match(r => r, e => throw new Xunit.Sdk.XunitException($"expected a result, got: {e.Message}"));

    private static Error Failure<T>(Fin<T> result) => result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);

    private static void AllFinite(ExactResult r)
    {
        Assert.True(double.IsFinite(r.LogZ), $"log Z = {r.LogZ}");
        Assert.True(double.IsFinite(r.MeanEnergy), $"U = {r.MeanEnergy}");
        Assert.True(double.IsFinite(r.EnergyVariance) && r.EnergyVariance >= 0, $"Var E = {r.EnergyVariance}");
        Assert.True(double.IsFinite(r.FreeEnergy), $"F = {r.FreeEnergy}");
        Assert.True(double.IsFinite(r.Entropy), $"S = {r.Entropy}");
        Assert.True(double.IsFinite(r.HeatCapacity) && r.HeatCapacity >= 0, $"C = {r.HeatCapacity}");
    }

    private static void AssertOverflow(Error error, string field, string beta)
    {
        Assert.Equal(ExactErrors.OverflowCode, error.Code);
        Assert.Contains(field, error.Message);
        Assert.Contains($"at beta {beta}", error.Message);
    }

    [Fact]
    public void A_Boltzmann_machine_with_a_bias_of_1e308_has_finite_thermodynamics_at_beta_1_and_an_overflow_error_at_beta_2()
    {
        // E(s) = -0.5 s1 s2 - 1e308 s1 + 0.1 s2: the two states with s1 = +1 both round to -1e308 (the O(1)
        // terms are below the spacing 2e292 of doubles there), the others to +1e308. So g = 2 ground states,
        // log Z = 1e308 + log 2 = 1e308, U = -1e308, S = log 2, C = 0; at beta = 2, log Z = 2e308 overflows.
        var machine = Valid(BoltzmannMachine.Create(Mat.FromRows([[0.0, 0.5], [0.5, 0.0]]), Vec.Of(1e308, -0.1), StateConvention.Spin));
        var result = Success(LogPartition.Exact(machine, 1.0));
        AllFinite(result);
        Assert.Equal(1e308, result.LogZ);
        Assert.Equal(-1e308, result.MeanEnergy);
        Assert.Equal(Math.Log(2.0), result.Entropy, 15);
        Assert.Equal(0.0, result.HeatCapacity);

        AssertOverflow(Failure(LogPartition.Exact(machine, 2.0)), "biases", "2");
    }

    [Fact]
    public void A_Bernoulli_RBM_with_a_visible_bias_of_1e308_has_finite_thermodynamics_by_every_method()
    {
        // v0 = 1 in every state of non-zero weight; the other four units change E by O(1), below the rounding of
        // 1e308, so log Z = 1e308, U = -1e308, Var E = C = 0 up to that rounding, and 0 <= S <= log 2^4.
        var rbm = Valid(BernoulliRbm.Create(Mat.FromRows([[0.5, -0.25], [0.1, 0.3], [-0.4, 0.2]]), Vec.Of(1e308, -0.2, 0.05), Vec.Of(0.3, -0.1)));
        var results = new[]
        {
            Success(RbmExact.EnumerateHidden(rbm, 1.0)), Success(RbmExact.EnumerateVisible(rbm, 1.0)),
            Success(LogPartition.Exact(rbm, 1.0, ExactMethod.Enumeration)), Success(LogPartition.Exact(rbm, 1.0)),
        };
        foreach (var result in results)
        {
            AllFinite(result);
            Assert.Equal(1e308, result.LogZ);
            Assert.Equal(-1e308, result.MeanEnergy);
            Assert.InRange(result.Entropy, 0.0, 4 * Math.Log(2.0) + 1e-12);
        }

        AssertOverflow(Failure(LogPartition.Exact(rbm, 2.0)), "visibleBias", "2");
        AssertOverflow(Failure(LogPartition.Exact(rbm, 2.0, ExactMethod.LayerSum)), "visibleBias", "2");
    }

    [Theory]
    [InlineData(ExactMethod.Enumeration)]
    [InlineData(ExactMethod.Auto)]
    [InlineData(ExactMethod.Kaufman)]
    public void An_Ising_coupling_of_1e308_is_refused_naming_the_coupling(ExactMethod method)
    {
        // 18 bonds: the ordered states have |E| = 18e308, and log Z >= 1.8e309; neither is a double.
        var lattice = Valid(IsingModel.Create(3, 3, 1e308, 0.0, Boundary.Periodic));
        AssertOverflow(Failure(LogPartition.Exact(lattice, 1.0, method)), "coupling", "1");
    }

    [Theory]
    [InlineData(1e155)]
    [InlineData(1e308)]
    public void A_Gaussian_at_huge_beta_has_C_equal_to_half_the_dimension_and_the_closed_form_entropy(double beta)
    {
        // S = (d/2)(1 + log 2 pi - log beta) - (1/2) sum_i log p_i for P = diag(p); C = d/2 at every beta.
        double[] diagonal = [2.0, 0.5, 3.0];
        var gaussian = Valid(GaussianModel.Create(Vec.Of(1.0, -2.0, 0.5), Mat.FromRows([[2.0, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 3.0]])));
        var result = Success(LogPartition.Exact(gaussian, beta));
        AllFinite(result);
        Assert.Equal(1.5, result.HeatCapacity);
        var logDet = diagonal.Sum(Math.Log);
        var entropy = 1.5 * (1.0 + Math.Log(2.0 * Math.PI) - Math.Log(beta)) - 0.5 * logDet;
        var logZ = 1.5 * (Math.Log(2.0 * Math.PI) - Math.Log(beta)) - 0.5 * logDet;
        Assert.True(Math.Abs(result.Entropy - entropy) <= 1e-14 * Math.Abs(entropy), $"S = {result.Entropy:R}, expected {entropy:R}");
        Assert.True(Math.Abs(result.LogZ - logZ) <= 1e-14 * Math.Abs(logZ), $"log Z = {result.LogZ:R}, expected {logZ:R}");
        Assert.True(Math.Abs(result.MeanEnergy - 1.5 / beta) <= 1e-15 * (1.5 / beta), $"U = {result.MeanEnergy:R}");
    }

    [Fact]
    public void A_Gaussian_at_a_beta_so_small_that_its_energy_variance_overflows_is_refused_naming_beta()
    {
        // Var E = d / (2 beta^2) = 1.5e320 at beta = 1e-160: not a double.
        var gaussian = Valid(GaussianModel.Create(Vec.Of(0.0, 0.0, 0.0), Mat.FromRows([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])));
        var error = Failure(LogPartition.Exact(gaussian, 1e-160));
        AssertOverflow(error, "beta too small", "1E-160");
        Assert.Contains("energy variance", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianExact.Compute(gaussian, 1e-160));
    }

    [Fact]
    public void A_small_Boltzmann_machine_at_beta_1e200_has_the_ground_state_limits()
    {
        // Energies are multiples of 1/4, computed from the definition (BoltzmannRandom.DefinitionEnergy); at beta = 1e200
        // only the ground states carry weight: log Z = -beta E_0 + log g, U = E_0, S = log g, C = 0.
        var machine = Valid(BoltzmannMachine.Create(Mat.FromRows([[0, 1, -1], [1, 0, 0.5], [-1, 0.5, 0]]), Vec.Of(0.25, -0.5, 0.75), StateConvention.Spin));
        var energies = Enumerable.Range(0, 8)
            .Select(index => BoltzmannRandom.DefinitionEnergy(machine, BoltzmannRandom.State(index, 3, StateConvention.Spin)))
            .ToArray();
        var ground = energies.Min();
        var degeneracy = energies.Count(e => e == ground);
        const double beta = 1e200;

        var result = Success(LogPartition.Exact(machine, beta));
        AllFinite(result);
        Assert.Equal(-beta * ground + Math.Log(degeneracy), result.LogZ);
        Assert.Equal(ground, result.MeanEnergy);
        Assert.Equal(Math.Log(degeneracy), result.Entropy, 12);
        Assert.Equal(0.0, result.HeatCapacity);
    }

    [Fact]
    public void An_Ising_field_of_1e6_at_beta_100_is_computed_by_auto_through_enumeration()
    {
        // The transfer matrix's weight exponents span beta (E_max - E_min) < 1e9; here it is 1.8e9, so it
        // refuses and auto falls back to enumeration. All spins up: E_0 = -18 J - 9 h; one flip costs 8 J + 2 h,
        // weight e^-(2e8) = 0: log Z = 100 (9e6 + 18), U = E_0, S = C = 0, M = 9.
        var lattice = Valid(IsingModel.Create(3, 3, 1.0, 1e6, Boundary.Periodic));
        var transfer = Failure(LogPartition.Exact(lattice, 100.0, ExactMethod.TransferMatrix));
        Assert.Equal(ExactErrors.MethodRangeCode, transfer.Code);
        Assert.Contains("field", transfer.Message);

        var auto = Success(LogPartition.Exact(lattice, 100.0));
        Assert.Equal(Success(LogPartition.Exact(lattice, 100.0, ExactMethod.Enumeration)), auto);
        Assert.Equal("enumeration", auto.Method);
        Assert.Equal(100.0 * (9e6 + 18.0), auto.LogZ);
        Assert.Equal(-9e6 - 18.0, auto.MeanEnergy);
        Assert.Equal(0.0, auto.Entropy);
        Assert.Equal(0.0, auto.HeatCapacity);
        Assert.Equal(9.0, auto.Magnetisation.Match(m => m.Mean, () => double.NaN));
        Assert.Equal("enumeration", Success(LogPartition.Sweep(lattice, [1.0, 100.0]).Map(rows => rows.Last)).Method);
    }

    [Fact]
    public void Kaufman_at_beta_1e100_gives_the_two_ordered_states_entropy()
    {
        // 4 x 4 torus, 32 bonds: log Z = 32 K + log 2, U = -32, S = log 2, C = 0 once e^-8K underflows.
        var torus = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        var result = Success(Kaufman.Compute(torus, 1e100));
        AllFinite(result);
        Assert.Equal(32e100, result.LogZ, 1e85);
        Assert.Equal(-32.0, result.MeanEnergy, 12);
        Assert.Equal(Math.Log(2.0), result.Entropy, 12);
        Assert.Equal(0.0, result.HeatCapacity);
    }

    [Fact]
    public void A_Gaussian_Bernoulli_RBM_at_beta_1e300_has_C_equal_to_half_the_visible_units()
    {
        // W = b = c = 0, sigma = 1, one visible and one hidden unit: Z = 2 sqrt(2 pi / beta), U = 1 / (2 beta),
        // C = 1/2, S = (1/2)(1 + log(2 pi / beta)) + log 2.
        const double beta = 1e300;
        var rbm = Valid(GaussianBernoulliRbm.Create(Mat.FromRows([[0.0]]), Vec.Of(0.0), Vec.Of(0.0), Vec.Of(1.0)));
        var result = Success(LogPartition.Exact(rbm, beta));
        AllFinite(result);
        var logRatio = Math.Log(2.0 * Math.PI) - Math.Log(beta);
        Assert.Equal(0.5, result.HeatCapacity);
        Assert.Equal(0.5 * logRatio + Math.Log(2.0), result.LogZ, 12);
        Assert.Equal(0.5 * (1.0 + logRatio) + Math.Log(2.0), result.Entropy, 12);
    }

    [Fact]
    public void Onsager_stays_finite_at_very_low_and_very_high_temperature()
    {
        // K = 1e200: c = 0 (e^-8K underflows) where (K coth 2K)^2 alone overflows; K = 1e-310: u = -2 |J| K = 0.
        var cold = Onsager.Compute(1.0, 1e200).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(0.0, cold.HeatCapacityPerSite);
        Assert.Equal(-2.0, cold.EnergyPerSite);
        var hot = Onsager.Compute(1e-300, 1e-10).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(0.0, hot.EnergyPerSite);
        Assert.Equal(Math.Log(2.0), hot.LogZPerSite);
        Assert.Equal(ExactErrors.OverflowCode, Failure(Onsager.Compute(1e308, 1.0)).Code);
    }

    [Fact]
    public void A_double_well_at_beta_1e_minus_300_is_refused_for_its_energy_variance_not_for_a_NaN_energy()
    {
        // U ~ 0.75 / beta = 7.5e299 is a double, Var(E) ~ 0.75 / beta^2 = 7.5e599 is not; the energy itself is finite.
        var wells = Valid(DoubleWell.Create(barrier: 1.0, stiffness: 1.0));
        var error = Failure(LogPartition.Exact(wells, 1e-300));
        AssertOverflow(error, "beta too small for the double-well", "1E-300");
        Assert.Contains("energy variance", error.Message);
        var cooler = Success(LogPartition.Exact(wells, 1e-150));
        AllFinite(cooler);
        Assert.Equal(0.75, cooler.HeatCapacity, 9);
    }

    [Theory]
    [InlineData("mixture", 1.0, "means")]
    [InlineData("double-well", 1.0, "barrier")]
    [InlineData("ring", 1e-10, "scale")]
    [InlineData("narrow-mixture", 1.0, "sigmas")]
    public void A_quadrature_that_a_field_makes_impossible_names_the_field(string kind, double beta, string field)
    {
        IContinuousModel model = kind switch
        {
            "mixture" => Valid(GaussianMixture2D.Create(Vec.Of(0.5, 0.5), Mat.FromRows([[-2e300, 0.0], [2.0, 0.0]]), Vec.Of(0.5, 0.8))),
            "double-well" => Valid(DoubleWell.Create(barrier: 1e300, stiffness: 1.0)),
            "narrow-mixture" => Valid(GaussianMixture2D.Create(Vec.Of(0.5, 0.5), Mat.FromRows([[1e300, 0.0], [1e300, 0.0]]), Vec.Of(1e-300, 0.8))),
            _ => Valid(RingEnergy.Create(radius: 1.0, scale: 1e-300)),
        };
        var error = Failure(LogPartition.Exact(model, beta));
        Assert.Equal(QuadratureErrors.FieldOutOfRangeCode, error.Code);
        Assert.Contains(field, error.Message);
        Assert.Contains($"at beta {beta:R}", error.Message);
        Assert.DoesNotContain("NaN", error.Message);
    }
}
