using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// The scalar traces a run keeps, and nothing else: the energy and each observable of every chain at every kept
/// step, as one block of doubles (the states themselves go to a sink, if anyone asked for them).
/// </summary>
/// <param name="Chains">C, the number of chains.</param>
/// <param name="Observables">k, the number of observables recorded beside the energy.</param>
/// <param name="Values">
/// (1 + k)·C rows x T kept steps: row q·C + c is quantity q of chain c, quantity 0 the energy and quantity j + 1
/// observable j. One block, filled as the chains run, so the traces cost exactly <see cref="Bytes"/>.
/// </param>
public sealed record ChainTraces(int Chains, int Observables, Mat Values)
{
    /// <summary>T, the number of kept steps.</summary>
    public int Kept => Values.Columns;

    /// <summary>
    /// Bytes of the traces of a run: 8 · chains · kept steps · (1 + observables). A run of 1,000 chains x 100,000 kept
    /// steps of an Ising lattice (one observable, the magnetisation) keeps 1.6 GB; the same run kept every state of
    /// its 16 spins as well, 12.8 GB more.
    /// </summary>
    public static long Bytes(int chains, int keptSteps, int observables) => 8L * chains * keptSteps * (1 + observables);

    /// <summary>True when the traces fit one array (at most <see cref="Array.MaxLength"/> doubles), the largest block a run can keep.</summary>
    public static bool Fit(int chains, int keptSteps, int observables) => (long)chains * keptSteps * (1 + observables) <= Array.MaxLength;

    /// <summary>The energies, chains x kept steps (a copy): the layout the diagnostics take.</summary>
    public Mat Energies() => Quantity(0);

    /// <summary>Observable <paramref name="index"/> (from 0), chains x kept steps (a copy).</summary>
    public Mat Observable(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Observables);
        return Quantity(index + 1);
    }

    private Mat Quantity(int q) => Mat.From(Chains, Kept, Values.Span.Slice(q * Chains * Kept, Chains * Kept));
}
