using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>The <see cref="ChainGather{TState}"/> of every batch state of the library, with its energy accessor.</summary>
public static class ChainGathers
{
    /// <summary>Discrete chains: states and energies, row by row.</summary>
    public static ChainGather<DiscreteChains> Discrete { get; } = (rungs, source) =>
        new DiscreteChains(Rows(rungs, source, s => s.States), Entries(rungs, source, s => s.Energies));

    /// <summary>Continuous chains: positions, energies and cached gradients, row by row.</summary>
    public static ChainGather<ContinuousChains> Continuous { get; } = (rungs, source) =>
        new ContinuousChains(Rows(rungs, source, s => s.Positions), Entries(rungs, source, s => s.Energies), Rows(rungs, source, s => s.Gradients));

    /// <summary>RBM chains: visible and hidden layers and energies, row by row.</summary>
    public static ChainGather<RbmChains> Rbm { get; } = (rungs, source) =>
        new RbmChains(Rows(rungs, source, s => s.Visible), Rows(rungs, source, s => s.Hidden), Entries(rungs, source, s => s.Energies));

    /// <summary>Ising chains: the spins row by row; bond sums, magnetisations and energies are recounted exactly.</summary>
    public static ChainGather<IsingChains> Ising { get; } = (rungs, source) =>
        IsingChains.FromStates(rungs[0].Model, Rows(rungs, source, s => s.ToStates()));

    /// <summary>Multi-spin coded Ising chains: each chain's packed words, bond sum and magnetisation, copied exactly.</summary>
    public static ChainGather<MultiSpinChains> MultiSpin { get; } = MultiSpinChains.Gather;

    private static Mat Rows<TState>(IReadOnlyList<TState> rungs, Func<int, int> source, Func<TState, Mat> part)
    {
        var parts = rungs.Select(part).ToArray();
        int rows = parts[0].Rows, columns = parts[0].Columns;
        return Mat.Create(rows, columns, d =>
        {
            for (var c = 0; c < rows; c++) parts[source(c)].Row(c).CopyTo(d.Slice(c * columns, columns));
        });
    }

    private static Vec Entries<TState>(IReadOnlyList<TState> rungs, Func<int, int> source, Func<TState, Vec> part)
    {
        var parts = rungs.Select(part).ToArray();
        return Vec.Create(parts[0].Length, d =>
        {
            for (var c = 0; c < d.Length; c++) d[c] = parts[source(c)][c];
        });
    }
}
