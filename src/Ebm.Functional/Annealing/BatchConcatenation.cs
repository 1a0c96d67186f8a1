using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>Stacks batches of particles into one, batch b's particle i becoming particle b P + i (P particles per batch).</summary>
internal static class BatchConcatenation
{
    /// <summary>Whether batches of <typeparamref name="TState"/> can be stacked: discrete, continuous, RBM (joint or annealing) or Ising chains.</summary>
    public static bool Supports<TState>() =>
        typeof(TState) == typeof(DiscreteChains) || typeof(TState) == typeof(ContinuousChains) || typeof(TState) == typeof(RbmChains)
        || typeof(TState) == typeof(RbmAnnealingState) || typeof(TState) == typeof(IsingChains);

    /// <summary>The stacked batch; every batch holds the same number of particles.</summary>
    /// <remarks>Callers check <see cref="Supports{TState}"/> first (linked importance sampling refuses other states as an
    /// error value), so the exception is an internal invariant.</remarks>
    public static TState Concatenate<TState>(IReadOnlyList<TState> batches) => batches switch
    {
        IReadOnlyList<DiscreteChains> d => (TState)(object)new DiscreteChains(Rows(d.Select(x => x.States)), Entries(d.Select(x => x.Energies))),
        IReadOnlyList<ContinuousChains> c => (TState)(object)new ContinuousChains(
            Rows(c.Select(x => x.Positions)), Entries(c.Select(x => x.Energies)), Rows(c.Select(x => x.Gradients))),
        IReadOnlyList<RbmChains> r => (TState)(object)new RbmChains(Rows(r.Select(x => x.Visible)), Rows(r.Select(x => x.Hidden)), Entries(r.Select(x => x.Energies))),
        IReadOnlyList<RbmAnnealingState> a => (TState)(object)new RbmAnnealingState(Rows(a.Select(x => x.Visible)), Rows(a.Select(x => x.Fields))),
        IReadOnlyList<IsingChains> i => (TState)(object)IsingChains.FromStates(i[0].Model, Rows(i.Select(x => x.ToStates()))),
        _ => throw new NotSupportedException($"batches of {typeof(TState).Name} cannot be stacked; linked importance sampling supports discrete, continuous, RBM (joint or annealing) and Ising chains"),
    };

    private static Mat Rows(IEnumerable<Mat> parts)
    {
        var list = parts.ToList();
        var columns = list[0].Columns;
        return Mat.Create(list.Sum(m => m.Rows), columns, d =>
        {
            var offset = 0;
            foreach (var m in list)
            {
                for (var r = 0; r < m.Rows; r++) m.Row(r).CopyTo(d.Slice((offset + r) * columns, columns));
                offset += m.Rows;
            }
        });
    }

    private static Vec Entries(IEnumerable<Vec> parts)
    {
        var list = parts.ToList();
        return Vec.Create(list.Sum(v => v.Length), d =>
        {
            var offset = 0;
            foreach (var v in list)
            {
                v.Span.CopyTo(d[offset..]);
                offset += v.Length;
            }
        });
    }
}
