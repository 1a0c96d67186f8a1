using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>Particle selection for each batch state: the new batch's particle i is particle indices[i] (resampling).</summary>
public static class Selections
{
    /// <summary>Rows of a matrix picked by index.</summary>
    public static Mat Rows(Mat source, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        var columns = source.Columns;
        return Mat.Create(indices.Length, columns, d =>
        {
            for (var i = 0; i < indices.Length; i++) source.Row(indices[i]).CopyTo(d.Slice(i * columns, columns));
        });
    }

    /// <summary>Entries of a vector picked by index.</summary>
    public static Vec Entries(Vec source, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        return Vec.Create(indices.Length, d =>
        {
            for (var i = 0; i < indices.Length; i++) d[i] = source[indices[i]];
        });
    }

    /// <summary>Selection of discrete chains.</summary>
    public static DiscreteChains Discrete(DiscreteChains state, int[] indices) =>
        new(Rows(state.States, indices), Entries(state.Energies, indices));

    /// <summary>Selection of continuous chains (positions, energies and gradients).</summary>
    public static ContinuousChains Continuous(ContinuousChains state, int[] indices) =>
        new(Rows(state.Positions, indices), Entries(state.Energies, indices), Rows(state.Gradients, indices));

    /// <summary>Selection of RBM chains.</summary>
    public static RbmChains Rbm(RbmChains state, int[] indices) =>
        new(Rows(state.Visible, indices), Rows(state.Hidden, indices), Entries(state.Energies, indices));

    /// <summary>Selection of Ising lattice chains.</summary>
    public static IsingChains Ising(IsingChains state, int[] indices) =>
        IsingChains.FromStates(state.Model, Rows(state.ToStates(), indices));
}
