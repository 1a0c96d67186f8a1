using System.Globalization;
using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Annealing;

/// <summary>
/// The exact ground-state energy an <c>ebm anneal</c> run is scored against, found by enumerating every state when there
/// are few enough: 2^n states of n &lt;= <see cref="GroundState.MaxUnits"/> binary units (<see cref="GroundState.Enumerate"/>),
/// or q^N &lt;= <see cref="MaxCategoricalStates"/> states of a Potts or clock lattice (the lowest level of
/// <see cref="CategoricalEnumeration.EnergyCounts"/>, with its degeneracy).
/// </summary>
/// <param name="Energy">E_0.</param>
/// <param name="States">The states enumerated, as written in reports ("2^16", "3^9").</param>
/// <param name="Count">The number of states at E_0, where the enumeration counts them (Potts and clock lattices).</param>
internal sealed record AnnealGround(double Energy, string States, Option<long> Count)
{
    /// <summary>
    /// Most states of a Potts or clock lattice enumerated for the ground state: 2^24, the binary path's budget (measured about
    /// 1.1 CPU seconds for the 2^24 states of a 4 x 6 clock lattice with q = 2, and for the 3^15 of a 3 x 5 Potts lattice
    /// with q = 3, in a Release build).
    /// </summary>
    public const long MaxCategoricalStates = 1L << 24;

    /// <summary>The number of states of <paramref name="problem"/>, as reports write it: 2^n or q^N.</summary>
    public static string StateSpace(AnnealProblem problem) =>
        $"{problem.Levels.ToString(CultureInfo.InvariantCulture)}^{problem.Model.Dimension.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True when <paramref name="problem"/> is small enough to enumerate.</summary>
    public static bool Applies(AnnealProblem problem) => problem.Model switch
    {
        ICategoricalModel categorical => CategoricalStates(categorical) <= MaxCategoricalStates,
        _ => problem.Model.Dimension <= GroundState.MaxUnits,
    };

    /// <summary>q^N of a categorical model, or <see cref="long.MaxValue"/> once it exceeds <see cref="MaxCategoricalStates"/>.</summary>
    public static long CategoricalStates(ICategoricalModel model)
    {
        long states = 1;
        for (var i = 0; i < model.Dimension; i++)
        {
            states *= model.Levels;
            if (states > MaxCategoricalStates) return long.MaxValue;
        }

        return states;
    }

    /// <summary>The exact ground state of <paramref name="problem"/>, or None when it has too many states to enumerate.</summary>
    public static Option<AnnealGround> Find(AnnealProblem problem)
    {
        if (!Applies(problem)) return None;
        return problem.Model switch
        {
            ICategoricalModel categorical => CategoricalEnumeration.EnergyCounts(categorical).ToOption()
                .Map(levels => new AnnealGround(levels.Energies[0], StateSpace(problem), Some(levels.Counts.Head))),
            IDiscreteModel discrete => GroundState.Enumerate(discrete).ToOption()
                .Map(g => new AnnealGround(g.Energy, StateSpace(problem), Option<long>.None)),
            _ => None,
        };
    }
}
