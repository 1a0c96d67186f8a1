using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The state of C chains on one periodic Ising lattice with even sides, multi-spin coded: one bit per spin, the
/// two checkerboard colours of each row in separate 64-bit words, with each chain's bond sum B and magnetisation M
/// kept as exact integers.
/// </summary>
/// <remarks>
/// E = -J B - h M (see <see cref="IsingModel"/>), so <see cref="Energies"/> is recomputed from integers after every
/// step and never drifts. Immutable: kernels build a new value. Build one with <see cref="FromStates"/> or
/// <see cref="FromIsingChains"/>; read it back with <see cref="ToStates"/> or <see cref="ToIsingChains"/> (the same
/// spins, bond sums and energies). The layout is described by the kernel, <see cref="MultiSpinCheckerboard"/>.
/// </remarks>
public sealed class MultiSpinChains
{
    private readonly ulong[] _words;
    private readonly long[] _bondSums;
    private readonly long[] _magnetisations;

    internal MultiSpinChains(IsingModel model, MultiSpinLayout layout, int chains, ulong[] words, long[] bondSums, long[] magnetisations)
    {
        Model = model;
        Layout = layout;
        Chains = chains;
        _words = words;
        _bondSums = bondSums;
        _magnetisations = magnetisations;
        Energies = Vec.Create(chains, e =>
        {
            for (var c = 0; c < chains; c++) e[c] = -model.Coupling * bondSums[c] - model.Field * magnetisations[c];
        });
    }

    /// <summary>The lattice the chains live on.</summary>
    public IsingModel Model { get; }

    /// <summary>Number of chains C.</summary>
    public int Chains { get; }

    /// <summary>Spins per chain N.</summary>
    public int Sites => Model.Dimension;

    /// <summary>E of each chain (not beta E).</summary>
    public Vec Energies { get; }

    /// <summary>B = sum over bond terms of s_i s_j, per chain.</summary>
    public ReadOnlySpan<long> BondSums => _bondSums;

    /// <summary>M = sum_i s_i, per chain.</summary>
    public ReadOnlySpan<long> Magnetisations => _magnetisations;

    internal MultiSpinLayout Layout { get; }

    /// <summary>All chains' words, chain after chain (kernels copy them, never write them).</summary>
    internal ReadOnlySpan<ulong> Words => _words;

    /// <summary>
    /// Packs C x N states of +1/-1 doubles; fails with <see cref="MultiSpinErrors.UnsupportedLattice"/> unless the
    /// lattice is periodic with even sides. Throws <see cref="ArgumentException"/> (a programmer error) when the width
    /// is not N or an entry is not exactly +1 or -1.
    /// </summary>
    public static Fin<MultiSpinChains> FromStates(IsingModel model, Mat states) =>
        MultiSpinLayout.Supports(model)
            ? FinSucc(Pack(model, new MultiSpinLayout(model), states))
            : FinFail<MultiSpinChains>(MultiSpinErrors.UnsupportedLattice(model));

    /// <summary>The same chains, packed; fails like <see cref="FromStates"/> for a lattice the layout cannot hold.</summary>
    public static Fin<MultiSpinChains> FromIsingChains(IsingChains chains) => FromStates(chains.Model, chains.ToStates());

    /// <summary>The spins as C x N doubles (+1/-1), row-major sites, the layout of <see cref="DiscreteChains"/>.</summary>
    public Mat ToStates() => Mat.Create(Chains, Sites, d =>
    {
        var columns = Model.Columns;
        for (var c = 0; c < Chains; c++)
        {
            var words = ChainWords(c);
            for (var r = 0; r < Model.Rows; r++)
            for (var column = 0; column < columns; column++)
                d[c * Sites + r * columns + column] = Layout.Spin(words, r, column);
        }
    });

    /// <summary>The same chains, one signed byte per spin (the state of <see cref="Checkerboard"/>, <see cref="Wolff"/>, ...).</summary>
    public IsingChains ToIsingChains() => IsingChains.FromStates(Model, ToStates());

    /// <summary>One batch whose chain c is chain c of <c>rungs[sourceRung(c)]</c> (parallel tempering's exchanges).</summary>
    internal static MultiSpinChains Gather(IReadOnlyList<MultiSpinChains> rungs, Func<int, int> sourceRung)
    {
        var first = rungs[0];
        var perChain = first.Layout.WordsPerChain;
        var words = new ulong[first.Chains * perChain];
        var bondSums = new long[first.Chains];
        var magnetisations = new long[first.Chains];
        for (var c = 0; c < first.Chains; c++)
        {
            var source = rungs[sourceRung(c)];
            source.ChainWords(c).CopyTo(words.AsSpan(c * perChain, perChain));
            bondSums[c] = source.BondSums[c];
            magnetisations[c] = source.Magnetisations[c];
        }

        return new MultiSpinChains(first.Model, first.Layout, first.Chains, words, bondSums, magnetisations);
    }

    /// <summary>Chain <paramref name="chain"/>'s words.</summary>
    internal ReadOnlySpan<ulong> ChainWords(int chain) => _words.AsSpan(chain * Layout.WordsPerChain, Layout.WordsPerChain);

    /// <summary>Packs states for a supported lattice (the kernels' Init, after their constructor has checked the lattice).</summary>
    internal static MultiSpinChains Pack(IsingModel model, MultiSpinLayout layout, Mat states)
    {
        if (states.Columns != model.Dimension)
            throw new ArgumentException($"an Ising state of this lattice has {model.Dimension} spins, got {states.Columns}", nameof(states));
        var words = new ulong[states.Rows * layout.WordsPerChain];
        for (var c = 0; c < states.Rows; c++) layout.Pack(states.Row(c), words.AsSpan(c * layout.WordsPerChain, layout.WordsPerChain), c);
        return FromWords(model, layout, states.Rows, words);
    }

    /// <summary>Takes ownership of filled words and counts B and M of every chain.</summary>
    internal static MultiSpinChains FromWords(IsingModel model, MultiSpinLayout layout, int chains, ulong[] words)
    {
        var bondSums = new long[chains];
        var magnetisations = new long[chains];
        for (var c = 0; c < chains; c++)
            (bondSums[c], magnetisations[c]) = layout.Totals(words.AsSpan(c * layout.WordsPerChain, layout.WordsPerChain));
        return new MultiSpinChains(model, layout, chains, words, bondSums, magnetisations);
    }
}
