using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Per chain, how a step moved the integer bond class counts and value counts of <see cref="PottsChains"/>, and how many
/// units changed: integers, so parts merge exactly in any order.
/// </summary>
internal sealed class PottsChanges(int chains, CategoricalTerms terms)
{
    public int[] Classes { get; } = new int[chains * terms.Classes];

    public int[] Values { get; } = new int[chains * terms.Levels];

    public long[] Moves { get; } = new long[chains];

    /// <summary>Records unit <c>old -&gt; value</c> at a site whose neighbour slots are <paramref name="neighbours"/> (sentinel skipped), before the write.</summary>
    public void Move(int chain, ReadOnlySpan<byte> row, ReadOnlySpan<int> neighbours, int sentinel, int old, int value)
    {
        var classes = Classes.AsSpan(chain * terms.Classes, terms.Classes);
        foreach (var neighbour in neighbours)
        {
            if (neighbour == sentinel) continue;
            classes[terms.ClassOf(old, row[neighbour])]--;
            classes[terms.ClassOf(value, row[neighbour])]++;
        }

        Values[chain * terms.Levels + old]--;
        Values[chain * terms.Levels + value]++;
        Moves[chain]++;
    }

    /// <summary>Adds another part's changes (of the same chains).</summary>
    public void Add(PottsChanges other)
    {
        for (var i = 0; i < Classes.Length; i++) Classes[i] += other.Classes[i];
        for (var i = 0; i < Values.Length; i++) Values[i] += other.Values[i];
        for (var i = 0; i < Moves.Length; i++) Moves[i] += other.Moves[i];
    }
}
