using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The integer form of the lattices against the models' own energies: the energy of a state's bin is the model's
/// energy, and a walker's incremental sums after any run of moves are the sums recomputed from scratch.
/// </summary>
public sealed class WangLandauLatticeTests
{
    public static TheoryData<string, int, int, int, double, double, Boundary> Lattices()
    {
        var data = new TheoryData<string, int, int, int, double, double, Boundary>();
        var shapes = new[] { (1, 1), (1, 2), (2, 2), (1, 5), (2, 3), (3, 3), (4, 5) };
        foreach (var (rows, columns) in shapes)
        foreach (var boundary in new[] { Boundary.Periodic, Boundary.Open })
        {
            data.Add("ising", rows, columns, 2, 0.7, -0.3, boundary);
            data.Add("potts", rows, columns, 3, -1.1, 0.45, boundary);
            data.Add("clock", rows, columns, 6, 0.9, 0.2, boundary);
            data.Add("clock", rows, columns, 3, 1.0, 0.0, boundary);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lattices))]
    public void Bins_hold_the_model_energy_and_moves_keep_the_sums_exact(string kind, int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        var (model, energy) = Model(kind, rows, columns, levels, coupling, field, boundary);
        var lattice = WangLandauLattice.Of(model).Match(l => l.Match(x => x, e => throw new InvalidOperationException(e.Message)),
            () => throw new InvalidOperationException("expected a lattice"));
        var key = RngKey.FromSeed((ulong)(rows * 100 + columns));
        var moves = new WangLandauLatticeMoves(lattice, key.FoldIn(0));
        var state = new byte[lattice.Sites];
        for (var step = 0; step < 400; step++)
        {
            var (w0, w1, w2, _) = key.FoldIn(1).Bits(step);
            var bin = moves.Propose(w0, w1);
            if (w2 % 3 != 0) moves.Accept();
            var expected = Replay(lattice, key, step, state);
            Assert.Equal(lattice.Bin(expected.Bond, expected.Field), moves.Bin);
            Assert.Equal(energy(state), lattice.Energy(moves.Bin), 1e-12 * Math.Max(1.0, Math.Abs(energy(state))));
            if (w2 % 3 != 0) Assert.Equal(bin, moves.Bin);
        }
    }

    /// <summary>Replays the walker's moves up to <paramref name="step"/> on a plain state and returns its recomputed sums.</summary>
    private static (int Bond, int Field) Replay(WangLandauLattice lattice, RngKey key, int step, byte[] state)
    {
        for (var i = 0; i < state.Length; i++) state[i] = (byte)Math.Min(lattice.Levels - 1, (int)(key.FoldIn(0).UniformAt(i) * lattice.Levels));
        for (var t = 0; t <= step; t++)
        {
            var (w0, w1, w2, _) = key.FoldIn(1).Bits(t);
            if (w2 % 3 == 0) continue;
            var site = (int)(((ulong)w0 * (uint)lattice.Sites) >> 32);
            var old = state[site];
            state[site] = (byte)(lattice.Levels == 2 ? 1 - old : (old + 1 + (int)(((ulong)w1 * (uint)(lattice.Levels - 1)) >> 32)) % lattice.Levels);
        }

        return lattice.Sums(state);
    }

    private static (IEnergyModel Model, Func<byte[], double> Energy) Model(string kind, int rows, int columns, int levels, double coupling, double field, Boundary boundary)
    {
        static double[] Values(byte[] s) => s.Select(v => (double)v).ToArray();
        switch (kind)
        {
            case "ising":
                var ising = IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
                return (ising, s => ising.Energy(s.Select(v => v == 0 ? 1.0 : -1.0).ToArray()));
            case "potts":
                var potts = PottsModel.Create(rows, columns, levels, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
                return (potts, s => potts.Energy(Values(s)));
            default:
                var clock = ClockModel.Create(rows, columns, levels, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
                return (clock, s => clock.Energy(Values(s)));
        }
    }
}
