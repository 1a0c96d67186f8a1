using Ebm.Functional.Exact;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public sealed class OnsagerTests
{
    /// <summary>Catalan's constant G.</summary>
    private const double Catalan = 0.91596559417721901505;

    /// <summary>
    /// Coefficients a_n of -beta f = 2K + sum_{n&gt;=2} a_n z^n, z = e^{-4K} (low-temperature series, Domb 1960;
    /// OEIS A029872 lists 4 n^2 a_n / 16 = 16, 72, 288, 1200, 5376, 25480). By Kramers-Wannier duality the
    /// same a_n give the high-temperature series -beta f = log 2 + 2 log cosh K + sum a_n t^(2n), t = tanh K.
    /// </summary>
    private static readonly double[] SeriesCoefficients = [0, 0, 1, 2, 4.5, 12, 112.0 / 3.0, 130];

    private static OnsagerResult At(double coupling, double beta) => Onsager.Compute(coupling, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void Critical_temperature_is_Kramers_Wannier()
    {
        IsingAssert.Close(2.269185314213022, Onsager.CriticalTemperature(1.0), 1e-15, 0.0);
        IsingAssert.Close(2 * 2.269185314213022, Onsager.CriticalTemperature(-2.0), 1e-15, 0.0);
        IsingAssert.Close(1.0 / 2.269185314213022, Onsager.CriticalBeta(1.0), 1e-15, 0.0);
    }

    [Fact]
    public void At_the_critical_point_energy_is_minus_root_two_and_log_z_is_closed_form()
    {
        var result = At(1.0, Onsager.CriticalBeta(1.0));
        IsingAssert.Close(-Math.Sqrt(2.0), result.EnergyPerSite, 1e-13, 0.0, "u(T_c)");
        IsingAssert.Close(0.5 * Math.Log(2.0) + 2.0 * Catalan / Math.PI, result.LogZPerSite, 1e-14, 0.0, "-beta f(T_c)");
        Assert.True(result.HeatCapacityPerSite > 10.0, "the specific heat diverges logarithmically at T_c");
    }

    [Fact]
    public void Yang_magnetisation_matches_the_closed_form()
    {
        var sinh = Math.Sinh(1.0);
        var expected = Math.Pow(1.0 - Math.Pow(sinh, -4.0), 0.125);
        IsingAssert.Close(expected, At(1.0, 0.5).SpontaneousMagnetisation, 1e-15, 0.0);
        IsingAssert.Close(0.911319, At(1.0, 0.5).SpontaneousMagnetisation, 0.0, 5e-7, "published 0.911319");
        Assert.Equal(0.0, At(1.0, 0.3).SpontaneousMagnetisation);
        Assert.Equal(0.0, At(1.0, 0.4406).SpontaneousMagnetisation);
        Assert.True(At(1.0, 0.4407).SpontaneousMagnetisation > 0.0);
        IsingAssert.Close(1.0, At(1.0, 20.0).SpontaneousMagnetisation, 1e-15, 0.0);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void Low_temperature_matches_the_series(double k)
    {
        var z = Math.Exp(-4.0 * k);
        double logZ = 2.0 * k, energy = -2.0, heat = 0.0;
        for (var n = 2; n < SeriesCoefficients.Length; n++)
        {
            var term = SeriesCoefficients[n] * Math.Pow(z, n);
            logZ += term;
            energy += 4.0 * n * term;
            heat += 16.0 * n * n * term * k * k;
        }

        var result = At(1.0, k);
        IsingAssert.Close(logZ, result.LogZPerSite, 1e-15, 0.0, "-beta f");
        IsingAssert.Close(energy, result.EnergyPerSite, 1e-15, 0.0, "u");
        IsingAssert.Close(heat, result.HeatCapacityPerSite, 1e-12, 0.0, "c");
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(1e-4)]
    [InlineData(1e-9)]
    public void High_temperature_matches_the_series(double k)
    {
        var t = Math.Tanh(k);
        double logZ = Math.Log(2.0) + 2.0 * Math.Log(Math.Cosh(k)), dLogZ = 2.0 * t, d2LogZ = 2.0 * (1.0 - t * t);
        for (var n = 2; n < SeriesCoefficients.Length; n++)
        {
            var a = SeriesCoefficients[n];
            var power = 2 * n;
            logZ += a * Math.Pow(t, power);
            dLogZ += a * power * Math.Pow(t, power - 1) * (1.0 - t * t);
            d2LogZ += a * power * (1.0 - t * t) * ((power - 1) * Math.Pow(t, power - 2) * (1.0 - t * t) - 2.0 * Math.Pow(t, power));
        }

        var result = At(2.0, k / 2.0);
        IsingAssert.Close(logZ, result.LogZPerSite, 1e-15, 0.0, "-beta f");
        IsingAssert.Close(-2.0 * dLogZ, result.EnergyPerSite, 1e-13, 0.0, "u");
        IsingAssert.Close(k * k * d2LogZ, result.HeatCapacityPerSite, 1e-13, 0.0, "c");
    }

    [Fact]
    public void Zero_coupling_or_infinite_temperature_is_free_spins()
    {
        foreach (var (coupling, beta) in new[] { (0.0, 1.0), (1.0, 0.0) })
        {
            var result = At(coupling, beta);
            Assert.Equal(Math.Log(2.0), result.LogZPerSite);
            Assert.Equal(0.0, result.EnergyPerSite);
            Assert.Equal(0.0, result.HeatCapacityPerSite);
            Assert.Equal(0.0, result.SpontaneousMagnetisation);
        }
    }

    [Fact]
    public void Antiferromagnet_has_the_ferromagnet_thermodynamics()
    {
        Assert.Equal(At(1.5, 0.4), At(-1.5, 0.4) with { Coupling = 1.5 });
    }

    [Fact]
    public void Bad_input_is_an_error()
    {
        Assert.True(Onsager.Compute(1.0, -1.0).IsFail);
        Assert.True(Onsager.Compute(1.0, double.NaN).IsFail);
        Assert.True(Onsager.Compute(double.PositiveInfinity, 1.0).IsFail);
        var field = KaufmanTests.Ising(4, 4, 1.0, 0.1, Ebm.Functional.Models.Boundary.Periodic);
        var error = Onsager.Compute(field, 0.3).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(ExactErrors.MethodNotApplicableCode, error.Code);
    }
}
