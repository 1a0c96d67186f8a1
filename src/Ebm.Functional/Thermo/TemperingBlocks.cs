using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Parallel tempering with its rungs cut into contiguous blocks that may live in other processes: each block sweeps its
/// rungs, the coordinator (<see cref="TemperingCoordinator"/>) draws the exchanges from the energies alone, and a chain's
/// state leaves its block only when an exchange hands it to a rung of another block. Gives <see cref="ThermoSweep.Sample"/>'s
/// bits for any layout.
/// </summary>
/// <remarks>
/// <para>Why the layout does not matter: rung r's kernel at step t takes stepKey.FoldIn(0).FoldIn(r) whichever block holds
/// it; the exchanges read only the energies and the run's key (as <see cref="ParallelTempering"/>'s step does); a rung's
/// next state is a gather of the same chains whether they come from its block or another.</para>
/// <para>What travels: a step's exchanges sweep the even pairs, then the odd ones, so a chain moves at most two rungs a
/// step. A block therefore sends, with each step's energies, the states of its rungs within two of another block's
/// (<see cref="Exported"/>), and the next step's request brings it the ones its exchanges take (<see cref="Imports"/>):
/// one round trip per step.</para>
/// </remarks>
/// <example><code>
/// var plan = ThermoSweep.Plan(model, betas, new TemperingSettings(Chains: 4, Sweeps: 200, BurnIn: 50)).ThrowIfFail();
/// var host = new TemperingMemoryBlocks(key, plan, TemperingBlocks.Layout(plan.Ladder.Count, 3));
/// var samples = TemperingCoordinator.Run(key, plan, host).ThrowIfFail();   // == ThermoSweep.Sample(key, model, betas, settings)
/// </code></example>
public static class TemperingBlocks
{
    /// <summary>How far a chain can move in one step: two rungs (an even-pair exchange, then an odd-pair one).</summary>
    public const int Reach = 2;

    /// <summary><paramref name="blocks"/> contiguous ranges over <paramref name="rungs"/> rungs, sizes differing by at most one (fewer blocks when there are fewer rungs).</summary>
    /// <param name="rungs">The rungs of the run, at least 1.</param>
    /// <param name="blocks">The blocks wanted, at least 1.</param>
    public static Seq<RungRange> Layout(int rungs, int blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rungs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        var count = Math.Min(rungs, blocks);
        var ranges = new List<RungRange>();
        var first = 0;
        for (var b = 0; b < count; b++)
        {
            var size = rungs / count + (b < rungs % count ? 1 : 0);
            ranges.Add(new RungRange(first, size));
            first += size;
        }

        return ranges.ToSeq();
    }

    /// <summary>Succeeds with <paramref name="layout"/> when it cuts <paramref name="rungs"/> rungs into contiguous non-empty ranges in order.</summary>
    public static Fin<Seq<RungRange>> Check(Seq<RungRange> layout, int rungs)
    {
        var next = 0;
        foreach (var range in layout)
        {
            if (range.First != next || range.Count < 1)
                return FinFail<Seq<RungRange>>(TemperingBlockErrors.BadLayout($"a block starts at rung {range.First} with {range.Count} rungs, expected a start at {next}"));
            next = range.End;
        }

        return next == rungs ? FinSucc(layout) : FinFail<Seq<RungRange>>(TemperingBlockErrors.BadLayout($"the blocks hold {next} rungs of {rungs}"));
    }

    /// <summary>The rungs of <paramref name="range"/> within <see cref="Reach"/> of a rung outside it: those a step's exchanges can hand to another block.</summary>
    /// <param name="range">The block's rungs.</param>
    /// <param name="rungs">The rungs of the run.</param>
    public static Seq<int> Exported(RungRange range, int rungs) =>
        Enumerable.Range(range.First, range.Count)
            .Where(r => (range.First > 0 && r - Reach < range.First) || (range.End < rungs && r + Reach >= range.End))
            .ToSeq().Strict();

    /// <summary>The rungs outside <paramref name="range"/> that its rungs take chains from, increasing.</summary>
    /// <param name="range">The block's rungs.</param>
    /// <param name="sources">The exchanges of the whole run: sources[r][c], the rung whose chain c rung r takes.</param>
    public static Seq<int> Imports(RungRange range, int[][] sources) =>
        Enumerable.Range(range.First, range.Count).SelectMany(r => sources[r]).Where(s => !range.Holds(s)).Distinct().Order().ToSeq().Strict();

    /// <summary>The rows of <paramref name="sources"/> for the block's rungs.</summary>
    public static int[][] Rows(RungRange range, int[][] sources) => sources.Skip(range.First).Take(range.Count).ToArray();

    /// <summary>
    /// Opens the block of <paramref name="plan"/> holding <paramref name="range"/>: its rungs at the run's starting states
    /// (drawn with key.FoldIn(0), the same at every rung, as in <see cref="ThermoSweep.Sample"/>).
    /// </summary>
    /// <param name="key">The run's key.</param>
    /// <param name="plan">The run (<see cref="ThermoSweep.Plan"/>, or rebuilt from its parts by <see cref="Open(RngKey, IEnergyModel, IReadOnlyList{double}, TemperingSettings, RungRange)"/>).</param>
    /// <param name="range">The block's rungs.</param>
    public static Fin<TemperingBlock> Open(RngKey key, TemperingPlan plan, RungRange range)
    {
        var ladder = plan.Ladder.ToArray();
        if (range.First < 0 || range.Count < 1 || range.End > ladder.Length)
            return FinFail<TemperingBlock>(TemperingBlockErrors.BadLayout($"rungs {range.First} to {range.End - 1} are not within the {ladder.Length} rungs"));
        return FinSucc(ThermoSweep.WithRecipe(key, plan.Model, ladder, plan.Settings, new Opener(key, ladder, plan.Settings, range)));
    }

    /// <summary>
    /// As <see cref="Open(RngKey, TemperingPlan, RungRange)"/> for a run rebuilt from its parts on another process: the model,
    /// every rung (0 first, increasing) and the settings are checked again.
    /// </summary>
    public static Fin<TemperingBlock> Open(RngKey key, IEnergyModel model, IReadOnlyList<double> ladder, TemperingSettings settings, RungRange range) =>
        from valid in ThermoSweep.Plan(model, ladder, settings)
        from rungs in valid.Ladder.SequenceEqual(ladder)
            ? FinSucc(valid)
            : FinFail<TemperingPlan>(ThermoErrors.InvalidBetas("the rungs of a block's run start at 0 and increase"))
        from block in Open(key, rungs, range)
        select block;

    private sealed class Opener(RngKey key, double[] ladder, TemperingSettings settings, RungRange range) : ITemperingRecipeUser<TemperingBlock>
    {
        public TemperingBlock Use<TState, TInfo>(TemperingRecipe<TState, TInfo> recipe) => TemperingRungs<TState, TInfo>.Open(key, recipe, ladder, settings, range);
    }
}
