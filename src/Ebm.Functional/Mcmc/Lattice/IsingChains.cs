using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The state of C chains on one Ising lattice, stored compactly as one signed byte per spin, with each
/// chain's bond sum B and magnetisation M kept as exact integers.
/// </summary>
/// <remarks>
/// E = -J B - h M (see <see cref="IsingModel"/>), so <see cref="Energies"/> is recomputed from integers
/// after every step and never drifts. Immutable: kernels build a new value. Build one with
/// <see cref="FromStates"/> and read it back as doubles with <see cref="ToStates"/>.
/// </remarks>
public sealed class IsingChains
{
    private readonly sbyte[] _spins;
    private readonly long[] _bondSums;
    private readonly long[] _magnetisations;

    internal IsingChains(IsingModel model, int chains, sbyte[] spins, long[] bondSums, long[] magnetisations)
    {
        Model = model;
        Chains = chains;
        _spins = spins;
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

    /// <summary>Per-spin row stride of the internal buffer: N spins then one sentinel 0.</summary>
    internal int Stride => Sites + 1;

    /// <summary>B = sum over bond terms of s_i s_j, per chain.</summary>
    public ReadOnlySpan<long> BondSums => _bondSums;

    /// <summary>M = sum_i s_i, per chain.</summary>
    public ReadOnlySpan<long> Magnetisations => _magnetisations;

    /// <summary>Chain <paramref name="chain"/>'s spins (+1/-1), row-major sites.</summary>
    public ReadOnlySpan<sbyte> Spins(int chain) => _spins.AsSpan(chain * Stride, Sites);

    /// <summary>The internal buffer (C x (N + 1)); kernels copy it, never write it.</summary>
    internal ReadOnlySpan<sbyte> Buffer => _spins;

    /// <summary>
    /// Builds the state from C x N states of +1/-1 doubles. Throws <see cref="ArgumentException"/> (a
    /// programmer error) when the width is not N or an entry is not exactly +1 or -1.
    /// </summary>
    public static IsingChains FromStates(IsingModel model, Mat states)
    {
        var sites = model.Dimension;
        if (states.Columns != sites) throw new ArgumentException($"an Ising state of this lattice has {sites} spins, got {states.Columns}", nameof(states));
        var spins = new sbyte[states.Rows * (sites + 1)];
        for (var c = 0; c < states.Rows; c++)
        {
            var row = states.Row(c);
            for (var i = 0; i < sites; i++)
            {
                spins[c * (sites + 1) + i] = row[i] switch
                {
                    1.0 => 1,
                    -1.0 => -1,
                    _ => throw new ArgumentException($"spin {i} of chain {c} is {row[i]}, not +1 or -1", nameof(states)),
                };
            }
        }

        return FromBuffer(model, new LatticeGeometry(model), states.Rows, spins);
    }

    /// <summary>The spins as C x N doubles (+1/-1), the layout of <see cref="DiscreteChains"/>.</summary>
    public Mat ToStates() => Mat.Create(Chains, Sites, d =>
    {
        for (var c = 0; c < Chains; c++)
        {
            var row = Spins(c);
            for (var i = 0; i < Sites; i++) d[c * Sites + i] = row[i];
        }
    });

    /// <summary>The same chains as a <see cref="DiscreteChains"/> (states as doubles, the same energies).</summary>
    public DiscreteChains ToDiscreteChains() => new(ToStates(), Energies);

    /// <summary>Takes ownership of a filled buffer and computes B and M of every chain.</summary>
    internal static IsingChains FromBuffer(IsingModel model, LatticeGeometry geometry, int chains, sbyte[] spins)
    {
        var bondSums = new long[chains];
        var magnetisations = new long[chains];
        for (var c = 0; c < chains; c++)
        {
            var (bonds, magnetisation) = Totals(geometry, spins.AsSpan(c * (geometry.Sites + 1), geometry.Sites + 1));
            bondSums[c] = bonds;
            magnetisations[c] = magnetisation;
        }

        return new IsingChains(model, chains, spins, bondSums, magnetisations);
    }

    /// <summary>B and M of one chain's row (N spins and the sentinel 0): B uses each site's right and down slot.</summary>
    internal static (long Bonds, long Magnetisation) Totals(LatticeGeometry geometry, ReadOnlySpan<sbyte> row)
    {
        long bonds = 0, magnetisation = 0;
        var neighbours = geometry.Neighbours;
        for (var i = 0; i < geometry.Sites; i++)
        {
            int s = row[i];
            magnetisation += s;
            bonds += s * (row[neighbours[i * LatticeGeometry.Slots]] + row[neighbours[i * LatticeGeometry.Slots + 2]]);
        }

        return (bonds + geometry.SelfBonds, magnetisation);
    }
}
