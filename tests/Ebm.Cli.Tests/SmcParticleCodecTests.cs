using Ebm.Cli.Estimation;
using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Tests;

/// <summary>The particles of a global SMC run travel between workers with every bit, for every particle type of <c>ebm logz</c>'s paths.</summary>
public sealed class SmcParticleCodecTests
{
    private static Mat Awkward(int rows, int columns, double shift) => Mat.Create(rows, columns, d =>
    {
        // Values whose shortest decimal form is long, a negative zero and an infinity: all must come back bit for bit.
        for (var i = 0; i < d.Length; i++) d[i] = i % 7 == 3 ? -0.0 : i % 11 == 5 ? double.NegativeInfinity : Math.PI * (i + shift) / 3.0;
    });

    private static Vec Entries(int length, double shift) => Vec.Create(length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = Math.E * (i - shift) / 7.0;
    });

    [Fact]
    public void Every_particle_type_comes_back_bit_for_bit()
    {
        Same(new DiscreteChains(Awkward(3, 4, 0.1), Entries(3, 0.2)), (a, b) => Bits(a.States, b.States) && Bits(a.Energies, b.Energies));
        Same(new ContinuousChains(Awkward(2, 3, 0.3), Entries(2, 0.4), Awkward(2, 3, 0.5)),
            (a, b) => Bits(a.Positions, b.Positions) && Bits(a.Energies, b.Energies) && Bits(a.Gradients, b.Gradients));
        Same(new RbmChains(Awkward(2, 5, 0.6), Awkward(2, 3, 0.7), Entries(2, 0.8)),
            (a, b) => Bits(a.Visible, b.Visible) && Bits(a.Hidden, b.Hidden) && Bits(a.Energies, b.Energies));
        Same(new RbmAnnealingState(Awkward(4, 5, 0.9), Awkward(4, 2, 1.0)), (a, b) => Bits(a.Visible, b.Visible) && Bits(a.Fields, b.Fields));
        var torus = IsingModel.Create(3, 3, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var spins = Mat.Create(2, 9, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = i % 3 == 0 ? 1.0 : -1.0;
        });
        Same(IsingChains.FromStates(torus, spins), (a, b) => Bits(a.ToStates(), b.ToStates()) && Bits(a.Energies, b.Energies));
    }

    [Fact]
    public void Text_that_is_not_a_batch_is_a_message_error()
    {
        var like = new DiscreteChains(Awkward(1, 2, 0.0), Entries(1, 0.0));
        Assert.True(SmcParticleCodec.Decode(like, "not base64!").IsFail);
        Assert.True(SmcParticleCodec.Decode(like, SmcParticleCodec.Encode(new RbmAnnealingState(Awkward(1, 2, 0.0), Awkward(1, 2, 0.0)))).IsFail);
        Assert.True(SmcParticleCodec.Decode(like, SmcParticleCodec.Encode(like)[..8]).IsFail);
    }

    [Fact]
    public void Doubles_come_back_bit_for_bit()
    {
        double[] values = [0.1, -0.0, double.NaN, double.PositiveInfinity, double.Epsilon, 1.0 / 3.0];
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), SmcParticleCodec.FromDoubles(SmcParticleCodec.Doubles(values)).Select(BitConverter.DoubleToInt64Bits));
    }

    private static void Same<TState>(TState batch, Func<TState, TState, bool> equal) =>
        Assert.True(SmcParticleCodec.Decode(batch, SmcParticleCodec.Encode(batch)).Match(back => equal(batch, back), e => throw new Xunit.Sdk.XunitException(e.Message)));

    private static bool Bits(Mat a, Mat b) => a.Rows == b.Rows && a.Columns == b.Columns && Bits(a.Span, b.Span);

    private static bool Bits(Vec a, Vec b) => Bits(a.Span, b.Span);

    private static bool Bits(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i])) return false;
        return true;
    }
}
