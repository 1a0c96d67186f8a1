using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// The scalar traces a run keeps, and nothing else: a few per-chain scalars of every chain at every kept step (the
/// energy and each observable, or the run's named scalars), as one block of doubles (the states themselves go to a
/// sink, if anyone asked for them).
/// </summary>
/// <param name="Chains">C, the number of chains.</param>
/// <param name="Observables">k, the number of quantities recorded beside quantity 0 (the energy, or the first named scalar).</param>
/// <param name="Values">
/// (1 + k)·C rows x T kept steps: row q·C + c is quantity q of chain c, quantity 0 the energy (or the first named
/// scalar) and quantity j + 1 observable j. One block, filled as the chains run, so the traces cost exactly
/// <see cref="Bytes"/>.
/// </param>
public sealed record ChainTraces(int Chains, int Observables, Mat Values)
{
    private readonly Seq<string> _names;

    /// <summary>T, the number of kept steps.</summary>
    public int Kept => Values.Columns;

    /// <summary>
    /// The name of each quantity, in order: the run's scalar names, or by default "energy" then "observable 0" ...
    /// "observable k-1".
    /// </summary>
    public Seq<string> Names
    {
        get => _names.IsEmpty ? Enumerable.Range(0, Observables).Select(j => $"observable {j}").Prepend("energy").ToSeq() : _names;
        init => _names = value;
    }

    /// <summary>
    /// Bytes of the traces of a run: 8 · chains · kept steps · (1 + observables). A run of 1,000 chains x 100,000 kept
    /// steps of an Ising lattice (one observable, the magnetisation) keeps 1.6 GB; the same run kept every state of
    /// its 16 spins as well, 12.8 GB more.
    /// </summary>
    public static long Bytes(int chains, int keptSteps, int observables) => 8L * chains * keptSteps * (1 + observables);

    /// <summary>True when the traces fit one array (at most <see cref="Array.MaxLength"/> doubles), the largest block a run can keep.</summary>
    public static bool Fit(int chains, int keptSteps, int observables) => (long)chains * keptSteps * (1 + observables) <= Array.MaxLength;

    /// <summary>Quantity 0, chains x kept steps (a copy): the energies, the layout the diagnostics take (or the first named scalar).</summary>
    public Mat Energies() => Quantity(0);

    /// <summary>Observable <paramref name="index"/> (from 0), chains x kept steps (a copy).</summary>
    public Mat Observable(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Observables);
        return Quantity(index + 1);
    }

    /// <summary>The quantity called <paramref name="name"/> (<see cref="Names"/>), chains x kept steps (a copy); an error naming the traced ones when there is none.</summary>
    public Fin<Mat> ByName(string name)
    {
        var index = Names.ToList().IndexOf(name);
        return index < 0
            ? Fin<Mat>.Fail(ModelErrors.InvalidField("trace", $"none is called \"{name}\"; traced: {string.Join(", ", Names)}"))
            : Fin<Mat>.Succ(Quantity(index));
    }

    private Mat Quantity(int q) => Mat.From(Chains, Kept, Values.Span.Slice(q * Chains * Kept, Chains * Kept));
}
