using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public class CategoricalTransferMatrixTests
{
    // Different summation orders over at most 5^10 states: agreement to 1e-10 relative (floors scaled to the quantity).
    private const double Relative = 1e-10;

    public static TheoryData<string, int, int, int, double, Boundary, double> Strips() => new()
    {
        { "potts", 3, 3, 3, 0.0, Boundary.Periodic, 1.0 },
        { "potts", 4, 3, 2, 0.3, Boundary.Periodic, 0.6 },
        { "potts", 2, 5, 4, -0.4, Boundary.Open, 0.9 },
        { "potts", 4, 2, 5, 0.2, Boundary.Periodic, 1.4 },
        { "potts", 1, 6, 3, 0.5, Boundary.Periodic, 0.7 },
        { "potts", 7, 1, 3, 0.0, Boundary.Open, 1.2 },
        { "potts", 2, 2, 3, 0.1, Boundary.Periodic, 0.0 },
        { "clock", 3, 4, 3, 0.0, Boundary.Periodic, 0.8 },
        { "clock", 3, 3, 5, 0.25, Boundary.Open, 1.1 },
        { "clock", 2, 4, 6, -0.3, Boundary.Periodic, 0.5 },
        { "clock", 4, 4, 2, 0.2, Boundary.Periodic, 0.4 },
    };

    [Theory]
    [MemberData(nameof(Strips))]
    public void Transfer_matrix_matches_enumeration(string kind, int rows, int columns, int q, double field, Boundary boundary, double beta)
    {
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary);
        var enumerated = Value(CategoricalExact.Enumerate(model, beta));
        var transfer = Value(CategoricalExact.TransferMatrix(model, beta));
        var scale = 2.0 * model.Dimension * (1 + Math.Abs(field));
        Assert.Equal("transfer-matrix", transfer.Method);
        IsingAssert.Close(enumerated.LogZ, transfer.LogZ, Relative, Relative, "log Z");
        IsingAssert.Close(enumerated.MeanEnergy, transfer.MeanEnergy, Relative, Relative * scale, "U");
        IsingAssert.Close(enumerated.EnergyVariance, transfer.EnergyVariance, Relative, Relative * scale * scale, "Var E");
        IsingAssert.Close(enumerated.HeatCapacity, transfer.HeatCapacity, Relative, Relative * scale * scale, "C");
        IsingAssert.Close(enumerated.Entropy, transfer.Entropy, Relative, Relative * scale, "S");
        var (e, t) = (Moments(enumerated), Moments(transfer));
        IsingAssert.Close(e.Mean, t.Mean, Relative, Relative * model.Dimension, "<M_x>");
        IsingAssert.Close(e.MeanSquare, t.MeanSquare, Relative, Relative * model.Dimension * model.Dimension, "<|M|^2>");
    }

    [Theory]
    [InlineData(3, 3, 0.0, Boundary.Periodic, 0.8)]
    [InlineData(4, 4, 0.0, Boundary.Periodic, 0.44)]
    [InlineData(3, 5, 0.4, Boundary.Open, 1.3)]
    [InlineData(6, 6, 0.0, Boundary.Periodic, 1.0)]
    public void Two_state_potts_is_the_ising_model_at_half_the_coupling(int rows, int columns, double field, Boundary boundary, double beta)
    {
        // s = (1 - sigma) / 2: delta(s_i, s_j) = (1 + sigma_i sigma_j) / 2 and delta(s_i, 0) = (1 + sigma_i) / 2, so
        // log Z_Potts(J, h) = log Z_Ising(J / 2, h / 2) + beta (J B + h N) / 2 and U_Potts = U_Ising - (J B + h N) / 2.
        const double coupling = 1.3;
        var potts = CategoricalEnumerationTests.Model("potts", rows, columns, 2, field, boundary, coupling);
        var ising = IsingModel.Create(rows, columns, coupling / 2, field / 2, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var exact = Value(LogPartition.Exact(ising, beta));
        var shift = (coupling * ((PottsModel)potts).BondTerms + field * potts.Dimension) / 2;
        foreach (var result in new[] { Value(LogPartition.Exact(potts, beta)), Value(CategoricalExact.TransferMatrix(potts, beta)) })
        {
            IsingAssert.Close(exact.LogZ + beta * shift, result.LogZ, Relative, Relative, $"{result.Method} log Z");
            IsingAssert.Close(exact.MeanEnergy - shift, result.MeanEnergy, Relative, Relative * shift, $"{result.Method} U");
            IsingAssert.Close(exact.EnergyVariance, result.EnergyVariance, Relative, Relative * shift * shift, $"{result.Method} Var E");
            IsingAssert.Close(Moments(exact).MeanSquare, Moments(result).MeanSquare, Relative, Relative * potts.Dimension, $"{result.Method} <M^2>");
        }
    }

    [Theory]
    [InlineData(4, 4, 0.3, Boundary.Periodic, 0.5)]
    [InlineData(3, 5, -0.2, Boundary.Open, 0.9)]
    public void Two_state_clock_is_the_ising_model(int rows, int columns, double field, Boundary boundary, double beta)
    {
        // theta in {0, pi}: cos(theta_i - theta_j) = sigma_i sigma_j and cos theta_i = sigma_i with s = 0 as spin +1.
        var clock = CategoricalEnumerationTests.Model("clock", rows, columns, 2, field, boundary, 0.8);
        var ising = IsingModel.Create(rows, columns, 0.8, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var exact = Value(LogPartition.Exact(ising, beta));
        foreach (var result in new[] { Value(CategoricalExact.Enumerate(clock, beta)), Value(CategoricalExact.TransferMatrix(clock, beta)) })
        {
            IsingAssert.Close(exact.LogZ, result.LogZ, Relative, Relative, $"{result.Method} log Z");
            IsingAssert.Close(exact.MeanEnergy, result.MeanEnergy, Relative, Relative * 40, $"{result.Method} U");
            IsingAssert.Close(Moments(exact).Mean, Moments(result).Mean, Relative, Relative * clock.Dimension, $"{result.Method} <M>");
        }
    }

    [Theory]
    [InlineData(4, 4, 0.6)]
    [InlineData(4, 12, 0.9)]
    [InlineData(3, 40, 0.4)]
    public void Four_state_clock_is_two_ising_models_at_half_the_coupling(int rows, int columns, double beta)
    {
        // theta = pi k / 2 = (sigma, tau) on the unit square's corners: cos(theta_i - theta_j) = (sigma_i sigma_j + tau_i tau_j) / 2
        // (Betts 1964), so at h = 0 Z_clock(J) = Z_Ising(J / 2)^2, here against Kaufman's closed form.
        var clock = CategoricalEnumerationTests.Model("clock", rows, columns, 4, 0.0, Boundary.Periodic);
        var ising = IsingModel.Create(rows, columns, 0.5, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var exact = Value(Kaufman.Compute(ising, beta));
        var result = Value(LogPartition.Exact(clock, beta));
        IsingAssert.Close(2 * exact.LogZ, result.LogZ, Relative, Relative, "log Z");
        IsingAssert.Close(2 * exact.MeanEnergy, result.MeanEnergy, Relative, Relative * 4 * clock.Dimension, "U");
        IsingAssert.Close(2 * exact.EnergyVariance, result.EnergyVariance, 1e-9, 1e-9 * clock.Dimension, "Var E");
    }

    [Fact]
    public void Auto_takes_the_transfer_matrix_for_a_long_strip_and_explains_a_lattice_too_large()
    {
        var strip = CategoricalEnumerationTests.Model("potts", 4, 200, 3, 0.0, Boundary.Periodic);
        Assert.Equal([ExactMethod.TransferMatrix], LogPartition.AutoOrder(strip));
        Assert.Equal("transfer-matrix", Value(LogPartition.Exact(strip, 1.0)).Method);
        var small = CategoricalEnumerationTests.Model("potts", 3, 3, 3, 0.0, Boundary.Periodic);
        Assert.Equal([ExactMethod.Enumeration, ExactMethod.TransferMatrix], LogPartition.AutoOrder(small));

        var large = CategoricalEnumerationTests.Model("potts", 32, 32, 3, 0.0, Boundary.Periodic);
        var error = LogPartition.Exact(large, 1.0).Match(_ => throw new InvalidOperationException("expected a failure"), e => e);
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("32 x 32 with 3 states", error.Message);
    }

    [Fact]
    public void Sweep_over_betas_matches_single_calls()
    {
        var model = CategoricalEnumerationTests.Model("clock", 3, 3, 3, 0.1, Boundary.Periodic);
        double[] betas = [0.0, 0.5, 1.5];
        var sweep = LogPartition.Sweep(model, betas).Match(r => r.ToArray(), e => throw new InvalidOperationException(e.Message));
        for (var k = 0; k < betas.Length; k++) Assert.Equal(Value(LogPartition.Exact(model, betas[k])), sweep[k]);
        Assert.Equal(model.Dimension * Math.Log(3), sweep[0].LogZ, 12);
    }

    internal static ExactResult Value(Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));

    private static MagnetisationMoments Moments(ExactResult result) =>
        result.Magnetisation.Match(m => m, () => throw new InvalidOperationException("no magnetisation moments"));
}
