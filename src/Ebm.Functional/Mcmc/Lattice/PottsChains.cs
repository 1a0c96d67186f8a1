using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The state of C chains on one q-state Potts or clock lattice, stored compactly as one byte per unit, with each chain's
/// bond class counts and unit value counts kept as exact integers.
/// </summary>
/// <remarks>
/// <para>The energy is a fixed linear form in those counts (Potts: E = -J (number of equal bond terms) - h (number of
/// units in state 0); clock: E = -J sum_k n_k cos(2 pi k / q) - h sum_a c_a cos(2 pi a / q)), so
/// <see cref="Energies"/> is recomputed from integers after every step and never drifts; equal counts give equal bits.
/// Immutable: kernels build a new value. Build one with <see cref="FromStates"/> (units 0..q-1 as doubles) and read it
/// back with <see cref="ToStates"/>.</para>
/// <para>The order parameter is the vector magnetisation M = sum_i (cos theta_i, sin theta_i), theta = 2 pi s / q
/// (for q = 2 the Ising magnetisation with s = 0 as spin +1): <see cref="MagnetisationsAlongField"/> gives M_x and
/// <see cref="MagnetisationLengths"/> |M|, both from the exact value counts.</para>
/// </remarks>
public sealed class PottsChains
{
    private readonly byte[] _units;
    private readonly int[] _classCounts;
    private readonly int[] _valueCounts;

    internal PottsChains(ICategoricalModel model, CategoricalTerms terms, int chains, byte[] units, int[] classCounts, int[] valueCounts)
    {
        Model = model;
        Terms = terms;
        Chains = chains;
        _units = units;
        _classCounts = classCounts;
        _valueCounts = valueCounts;
        Energies = Vec.Create(chains, e =>
        {
            for (var c = 0; c < chains; c++) e[c] = terms.Energy(ClassCounts(c), ValueCounts(c));
        });
    }

    /// <summary>The lattice the chains live on (a <see cref="PottsModel"/> or <see cref="ClockModel"/>).</summary>
    public ICategoricalModel Model { get; }

    /// <summary>Number of chains C.</summary>
    public int Chains { get; }

    /// <summary>Units per chain N.</summary>
    public int Sites => Terms.Sites;

    /// <summary>E of each chain (not beta E).</summary>
    public Vec Energies { get; }

    /// <summary>M_x = sum_i cos(2 pi s_i / q) of each chain: the magnetisation along state 0, the field's direction.</summary>
    public Vec MagnetisationsAlongField => Vec.Create(Chains, d =>
    {
        for (var c = 0; c < Chains; c++) d[c] = Components(c).Along;
    });

    /// <summary>|M| = |sum_i (cos theta_i, sin theta_i)| of each chain.</summary>
    public Vec MagnetisationLengths => Vec.Create(Chains, d =>
    {
        for (var c = 0; c < Chains; c++)
        {
            var (along, across) = Components(c);
            d[c] = Math.Sqrt(along * along + across * across);
        }
    });

    /// <summary>The model's integer bookkeeping.</summary>
    internal CategoricalTerms Terms { get; }

    /// <summary>The internal buffer (C x N, row-major); kernels copy it, never write it.</summary>
    internal ReadOnlySpan<byte> Buffer => _units;

    /// <summary>Chain <paramref name="chain"/>'s units (values 0..q-1), row-major sites.</summary>
    public ReadOnlySpan<byte> Units(int chain) => _units.AsSpan(chain * Sites, Sites);

    /// <summary>Chain <paramref name="chain"/>'s count of bond terms in each class (Potts: [unequal, equal]; clock: by angle difference min(d, q - d)).</summary>
    public ReadOnlySpan<int> ClassCounts(int chain) => _classCounts.AsSpan(chain * Terms.Classes, Terms.Classes);

    /// <summary>Chain <paramref name="chain"/>'s count of units at each value 0..q-1.</summary>
    public ReadOnlySpan<int> ValueCounts(int chain) => _valueCounts.AsSpan(chain * Terms.Levels, Terms.Levels);

    /// <summary>
    /// Builds the state from C x N units as doubles. Throws <see cref="ArgumentException"/> (a programmer error) when the
    /// model is not a Potts or clock lattice, the width is not N or an entry is not an integer in 0..q-1.
    /// </summary>
    public static PottsChains FromStates(ICategoricalModel model, Mat states)
    {
        var terms = CategoricalTerms.Required(model);
        var sites = model.Dimension;
        if (states.Columns != sites) throw new ArgumentException($"a {model.Kind} state of this lattice has {sites} units, got {states.Columns}", nameof(states));
        var units = new byte[states.Rows * sites];
        for (var c = 0; c < states.Rows; c++)
        {
            var row = states.Row(c);
            for (var i = 0; i < sites; i++)
            {
                var value = row[i];
                if (!(value >= 0 && value < model.Levels && value == Math.Floor(value)))
                    throw new ArgumentException($"unit {i} of chain {c} is {value}, not one of 0..{model.Levels - 1}", nameof(states));
                units[c * sites + i] = (byte)value;
            }
        }

        return FromBuffer(model, terms, states.Rows, units);
    }

    /// <summary>The units as C x N doubles (values 0..q-1), the layout <see cref="FromStates"/> reads.</summary>
    public Mat ToStates() => Mat.Create(Chains, Sites, d =>
    {
        for (var c = 0; c < Chains; c++)
        {
            var row = Units(c);
            for (var i = 0; i < Sites; i++) d[c * Sites + i] = row[i];
        }
    });

    /// <summary>
    /// Moves chains between the rungs of parallel tempering: chain c of the result is chain c of
    /// <c>rungs[sourceRung(c)]</c>, units and exact counts copied as they are (all rungs share one lattice; only the
    /// energies' beta differs, and the state does not carry beta).
    /// </summary>
    /// <example><code>
    /// var pt = ParallelTempering.Create(
    ///     beta =&gt; PottsCheckerboard.Create(model, beta).Match(s =&gt; s.Step, e =&gt; throw new ArgumentException(e.Message)),
    ///     states =&gt; PottsChains.FromStates(model, states), betas, s =&gt; s.Energies, PottsChains.Gather);
    /// </code></example>
    public static ChainGather<PottsChains> Gather { get; } = (rungs, sourceRung) =>
    {
        var first = rungs[0];
        int chains = first.Chains, sites = first.Sites, classes = first.Terms.Classes, levels = first.Terms.Levels;
        var units = new byte[chains * sites];
        var classCounts = new int[chains * classes];
        var valueCounts = new int[chains * levels];
        for (var c = 0; c < chains; c++)
        {
            var source = rungs[sourceRung(c)];
            source.Units(c).CopyTo(units.AsSpan(c * sites, sites));
            source.ClassCounts(c).CopyTo(classCounts.AsSpan(c * classes, classes));
            source.ValueCounts(c).CopyTo(valueCounts.AsSpan(c * levels, levels));
        }

        return new PottsChains(first.Model, first.Terms, chains, units, classCounts, valueCounts);
    };

    /// <summary>Takes ownership of a filled buffer and counts every chain's classes and values.</summary>
    internal static PottsChains FromBuffer(ICategoricalModel model, CategoricalTerms terms, int chains, byte[] units)
    {
        var classCounts = new int[chains * terms.Classes];
        var valueCounts = new int[chains * terms.Levels];
        var bonds = terms.BondTerms();
        for (var c = 0; c < chains; c++)
        {
            var row = units.AsSpan(c * terms.Sites, terms.Sites);
            foreach (var (from, to) in bonds) classCounts[c * terms.Classes + terms.ClassOf(row[from], row[to])]++;
            foreach (var value in row) valueCounts[c * terms.Levels + value]++;
        }

        return new PottsChains(model, terms, chains, units, classCounts, valueCounts);
    }

    /// <summary>Builds the next state from an updated buffer and each chain's changes of the class and value counts.</summary>
    internal PottsChains With(byte[] units, int[] classChanges, int[] valueChanges)
    {
        var classCounts = (int[])_classCounts.Clone();
        var valueCounts = (int[])_valueCounts.Clone();
        for (var i = 0; i < classCounts.Length; i++) classCounts[i] += classChanges[i];
        for (var i = 0; i < valueCounts.Length; i++) valueCounts[i] += valueChanges[i];
        return new PottsChains(Model, Terms, Chains, units, classCounts, valueCounts);
    }

    private (double Along, double Across) Components(int chain)
    {
        var counts = ValueCounts(chain);
        double along = 0.0, across = 0.0;
        for (var a = 0; a < counts.Length; a++)
        {
            along += counts[a] * Terms.Cosines[a];
            across += counts[a] * Terms.Sines[a];
        }

        return (along, across);
    }
}
