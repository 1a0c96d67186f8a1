using System.Collections;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The observations of a run of a batch of chains, one per step (what <see cref="Loop.Scan{TState,TInfo,TObservation}"/>
/// records), turned into the chains x draws matrix the convergence diagnostics take: row c is chain c's value at every
/// step, in order.
/// </summary>
/// <example><code>
/// var (_, states) = Loop.Scan(key, warm, 1000, step, (s, _) =&gt; s);
/// var trace = new Trace&lt;IsingChains&gt;(states);
/// var rHat = RHat.Split(trace.ByChain(s =&gt; s.Energies));   // chains x 1000
/// </code></example>
public sealed class Trace<TObservation> : IReadOnlyList<TObservation>
{
    private readonly TObservation[] _steps;

    /// <summary>The observations of the steps, in order (copied).</summary>
    public Trace(IEnumerable<TObservation> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
    }

    /// <summary>The number of steps (draws per chain).</summary>
    public int Count => _steps.Length;

    /// <summary>The observation of step <paramref name="index"/>.</summary>
    public TObservation this[int index] => _steps[index];

    /// <summary>
    /// <paramref name="perChain"/> of every step as chains x steps: entry (c, t) is chain c's value at step t. Every step
    /// must give the same number of chains (a batch does not change its size).
    /// </summary>
    /// <exception cref="ArgumentException">The trace is empty, or two steps give different numbers of chains.</exception>
    public Mat ByChain(Func<TObservation, Vec> perChain)
    {
        ArgumentNullException.ThrowIfNull(perChain);
        if (_steps.Length == 0) throw new ArgumentException("the trace has no step", nameof(perChain));
        var values = _steps.Select(perChain).ToArray();
        var chains = values[0].Length;
        var steps = values.Length;
        for (var t = 0; t < steps; t++)
            if (values[t].Length != chains)
                throw new ArgumentException($"step {t} gives {values[t].Length} chains, step 0 gave {chains}", nameof(perChain));
        return Mat.Create(chains, steps, d =>
        {
            for (var t = 0; t < steps; t++)
                for (var c = 0; c < chains; c++)
                    d[c * steps + t] = values[t][c];
        });
    }

    /// <summary>The named scalar of every step as chains x steps (<see cref="ByChain(Func{TObservation, Vec})"/>).</summary>
    public Mat ByChain(ChainScalar<TObservation> scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return ByChain(scalar.PerChain);
    }

    /// <inheritdoc />
    public IEnumerator<TObservation> GetEnumerator() => ((IEnumerable<TObservation>)_steps).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
