using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>Receives each state of a categorical walk as its bond class counts n_k and unit value counts c_a.</summary>
internal interface ICategoricalVisitor
{
    void Visit(ReadOnlySpan<int> classCounts, ReadOnlySpan<int> valueCounts);
}

/// <summary>
/// Visits all q^N states of a Potts or clock lattice, in a fixed partition into blocks, keeping the integer counts
/// n_k (bond terms per class) and c_a (units per value) of <see cref="CategoricalTerms"/> up to date.
/// </summary>
/// <remarks>
/// Block b fixes the values of the top N - m sites to the base-q digits of b; within the block the m low sites run
/// through their q^m values as an odometer (site 0 fastest), each change of a site updating the counts of the bond
/// terms that touch it, so a state costs O(1) amortised besides what the visitor does. The counts are integers, so
/// visitors that tally them get the same result for any order of blocks and any thread count. The partition (m, and
/// the parts the blocks are grouped into) depends on q and N alone.
/// </remarks>
internal static class CategoricalWalk
{
    /// <summary>Most states visited: 2^30, as for binary enumeration.</summary>
    public const long MaxStates = 1L << 30;

    /// <summary>At most this many states per block (a block is the unit of work).</summary>
    private const long BlockStates = 1 << 16;

    /// <summary>Blocks are grouped into at most this many parts, each with its own visitor.</summary>
    private const int MaxParts = 64;

    /// <summary>q^N, or -1 when it exceeds <see cref="MaxStates"/>.</summary>
    public static long States(int levels, int sites)
    {
        long states = 1;
        for (var i = 0; i < sites; i++)
        {
            states *= levels;
            if (states > MaxStates) return -1;
        }

        return states;
    }

    /// <summary>
    /// Runs the walk over every state, with one visitor per part made by <paramref name="visitor"/>; returns the
    /// visitors in part order.
    /// </summary>
    public static TVisitor[] Run<TVisitor>(CategoricalTerms terms, Func<TVisitor> visitor, int maxDegreeOfParallelism)
        where TVisitor : ICategoricalVisitor
    {
        var q = terms.Levels;
        var sites = terms.Sites;
        var low = 0;
        long blockStates = 1;
        while (low < sites && blockStates * q <= BlockStates)
        {
            blockStates *= q;
            low++;
        }

        var blocks = (int)(States(q, sites) / States(q, low));
        var parts = Math.Min(blocks, MaxParts);
        var visitors = new TVisitor[parts];
        var touching = Touching(terms);
        Batch.ForEachRow(maxDegreeOfParallelism, parts, part =>
        {
            var local = visitor();
            var first = (int)((long)blocks * part / parts);
            var end = (int)((long)blocks * (part + 1) / parts);
            for (var block = first; block < end; block++) Block(terms, touching, block, low, local);
            visitors[part] = local;
        });
        return visitors;
    }

    /// <summary>For each site, the bond terms (from, to) that touch it, self-terms left out (they never change class).</summary>
    private static (int From, int To)[][] Touching(CategoricalTerms terms)
    {
        var lists = Enumerable.Range(0, terms.Sites).Select(_ => new List<(int, int)>()).ToArray();
        foreach (var (from, to) in terms.BondTerms())
        {
            if (from == to) continue;
            lists[from].Add((from, to));
            lists[to].Add((from, to));
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }

    private static void Block<TVisitor>(CategoricalTerms terms, (int From, int To)[][] touching, int block, int low, TVisitor visitor)
        where TVisitor : ICategoricalVisitor
    {
        var q = terms.Levels;
        var state = new int[terms.Sites];
        var rest = block;
        for (var site = low; site < state.Length; site++)
        {
            state[site] = rest % q;
            rest /= q;
        }

        Span<int> classCounts = stackalloc int[terms.Classes];
        var valueCounts = new int[q];
        foreach (var (from, to) in terms.BondTerms()) classCounts[terms.ClassOf(state[from], state[to])]++;
        foreach (var value in state) valueCounts[value]++;

        while (true)
        {
            visitor.Visit(classCounts, valueCounts);
            var site = 0;
            while (site < low && state[site] == q - 1)
            {
                Change(terms, touching[site], state, site, 0, classCounts, valueCounts);
                site++;
            }

            if (site == low) return;
            Change(terms, touching[site], state, site, state[site] + 1, classCounts, valueCounts);
        }
    }

    private static void Change(CategoricalTerms terms, (int From, int To)[] touching, int[] state, int site, int value, Span<int> classCounts, int[] valueCounts)
    {
        var old = state[site];
        foreach (var (from, to) in touching)
        {
            classCounts[terms.ClassOf(state[from], state[to])]--;
            classCounts[terms.ClassOf(from == site ? value : state[from], to == site ? value : state[to])]++;
        }

        valueCounts[old]--;
        valueCounts[value]++;
        state[site] = value;
    }
}
