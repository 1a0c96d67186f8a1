using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Testing;

/// <summary>
/// The exact matrices refuse what they cannot enumerate as values, never as exceptions; a small case is checked
/// against a matrix written out by hand.
/// </summary>
public sealed class TransitionMatricesTests
{
    private static IsingModel Lattice(int rows, int columns, double field) =>
        IsingModel.Create(rows, columns, 0.7, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static int Code<T>(LanguageExt.Fin<T> result) => result.Match(Succ: _ => 0, Fail: e => e.Code);

    [Fact]
    public void Models_beyond_the_enumeration_limit_are_refused_with_the_limit_named()
    {
        var large = BoltzmannRandom.Create(1, TransitionMatrices.MaxUnits + 1, StateConvention.Binary);
        var result = TransitionMatrices.Metropolis(large, 1.0, ScanOrder.Random);
        Assert.Equal(TestingErrors.TooLargeCode, Code(result));
        Assert.Contains("at most 10 units", result.Match(Succ: _ => "", Fail: e => e.Message));
        Assert.Equal(TestingErrors.TooLargeCode, Code(TransitionMatrices.CheckerboardSweep(Lattice(3, 4, 0.1), 0.5, CheckerboardUpdate.HeatBath)));
        Assert.Equal(TestingErrors.TooLargeCode, Code(TemperingMatrices.ProductDistribution(BoltzmannRandom.Create(2, 4, StateConvention.Spin), [0.1, 0.5, 1.0])));
        Assert.Equal(TestingErrors.TooLargeCode, Code(TransitionMatrices.SwendsenWang(Lattice(3, 4, 0.0), 0.5)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_beta_that_is_not_finite_and_nonnegative_is_refused(double beta)
    {
        var model = BoltzmannRandom.Create(3, 3, StateConvention.Binary);
        Assert.Equal(TestingErrors.InvalidBetaCode, Code(TransitionMatrices.HeatBath(model, beta, ScanOrder.Systematic)));
        Assert.Equal(TestingErrors.InvalidBetaCode, Code(TransitionMatrices.Wolff(Lattice(2, 2, 0.0), beta)));
        Assert.Equal(TestingErrors.InvalidBetaCode, Code(TemperingMatrices.SwapSweep(model, [0.2, beta], 0)));
    }

    [Fact]
    public void Cluster_moves_with_a_field_and_local_matrices_of_the_wrong_size_are_refused()
    {
        Assert.Equal(TestingErrors.NotApplicableCode, Code(TransitionMatrices.Wolff(Lattice(2, 2, 0.3), 0.5)));
        var model = BoltzmannRandom.Create(4, 2, StateConvention.Binary);
        Assert.Equal(TestingErrors.InvalidInputCode, Code(TemperingMatrices.Step(model, [0.5, 1.0], _ => Mat.Zeros(3, 3))));
        Assert.Equal(TestingErrors.InvalidInputCode, Code(TemperingMatrices.SwapSweep(model, [0.5, 1.0], 2)));
    }

    // One unit with energy E(1) - E(0) = -b (bias b = 0.8, no coupling) at beta = 1: Metropolis moves 0 -> 1 always
    // (downhill) and 1 -> 0 with e^-0.8; heat bath moves to 1 with sigmoid(0.8) from either state.
    [Fact]
    public void A_single_unit_gives_the_textbook_matrices()
    {
        var model = BoltzmannMachine.Create(Mat.Zeros(1, 1), Vec.Of(0.8), StateConvention.Binary)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var metropolis = TransitionMatrices.Metropolis(model, 1.0, ScanOrder.Systematic).ThrowIfFail();
        Assert.Equal([0.0, 1.0, Math.Exp(-0.8), 1.0 - Math.Exp(-0.8)], metropolis.Span.ToArray(), new Tolerant(1e-15));
        var up = 1.0 / (1.0 + Math.Exp(-0.8));
        var heatBath = TransitionMatrices.HeatBath(model, 1.0, ScanOrder.Random).ThrowIfFail();
        Assert.Equal([1.0 - up, up, 1.0 - up, up], heatBath.Span.ToArray(), new Tolerant(1e-15));
    }

    [Fact]
    public void State_indices_put_unit_i_in_bit_i()
    {
        var state = TransitionMatrices.StateOf(0b101, 3, StateConvention.Spin);
        Assert.Equal([1.0, -1.0, 1.0], state.ToArray());
        Assert.Equal(0b101, TransitionMatrices.IndexOf(state.Span));
        Assert.Equal(0b110, TransitionMatrices.IndexOf([0.0, 1.0, 1.0]));
    }

    private sealed class Tolerant(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
