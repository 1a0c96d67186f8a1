namespace Ebm.Functional.Annealing;

/// <summary>
/// How often the restarts of an annealing run reached a known ground-state energy, and the time to solution:
/// the sweeps needed to reach it with probability 0.99, TTS(0.99) = t ln(1 - 0.99) / ln(1 - p) for t sweeps per
/// restart and success probability p (the standard figure of merit of annealers; Rønnow et al., Science 345, 2014).
/// </summary>
/// <remarks>
/// A restart succeeds when its best energy is within <see cref="Tolerance"/> of the ground energy. p is estimated by
/// the fraction of successes, with the binomial standard error sqrt(p (1 - p) / R). TTS is t when p &gt;= 0.99 (one
/// restart suffices) and +infinity when no restart succeeded. Worked number: t = 1000 sweeps, p = 0.5 gives
/// TTS = 1000 ln 0.01 / ln 0.5 = 6644 sweeps.
/// </remarks>
/// <param name="GroundEnergy">The exact ground-state energy compared with.</param>
/// <param name="Tolerance">The largest E - E_0 that counts as reaching the ground state.</param>
/// <param name="Successes">Restarts whose best energy reached it.</param>
/// <param name="Restarts">All restarts R.</param>
/// <param name="SweepsPerRestart">t, the sweeps of one restart.</param>
public sealed record SaSuccess(double GroundEnergy, double Tolerance, int Successes, int Restarts, int SweepsPerRestart)
{
    /// <summary>The target probability of <see cref="SweepsToSolution"/>.</summary>
    public const double TargetProbability = 0.99;

    /// <summary>The relative tolerance of <see cref="Of"/>: E - E_0 &lt;= 1e-9 max(1, |E_0|).</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>The estimated success probability p = successes / R.</summary>
    public double Probability => (double)Successes / Restarts;

    /// <summary>The binomial standard error of <see cref="Probability"/>, sqrt(p (1 - p) / R).</summary>
    public double ProbabilityError => Math.Sqrt(Probability * (1.0 - Probability) / Restarts);

    /// <summary>TTS(0.99) in sweeps (see the class remarks); +infinity when p = 0.</summary>
    public double SweepsToSolution => TimeToSolution(SweepsPerRestart, Probability);

    /// <summary>The successes of <paramref name="result"/>'s restarts against <paramref name="groundEnergy"/>.</summary>
    public static SaSuccess Of(SaResult result, double groundEnergy)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tolerance = RelativeTolerance * Math.Max(1.0, Math.Abs(groundEnergy));
        var successes = 0;
        foreach (var energy in result.RestartBestEnergies.Span)
            if (energy - groundEnergy <= tolerance) successes++;
        return new SaSuccess(groundEnergy, tolerance, successes, result.Restarts, result.SweepsPerRestart);
    }

    /// <summary>
    /// t ln(1 - 0.99) / ln(1 - p): the time of enough independent runs of time <paramref name="time"/> to succeed at least
    /// once with probability 0.99, when each succeeds with probability <paramref name="probability"/>.
    /// </summary>
    public static double TimeToSolution(double time, double probability)
    {
        if (probability >= TargetProbability) return time;
        if (probability <= 0.0) return double.PositiveInfinity;
        return time * Math.Log(1.0 - TargetProbability) / Math.Log(1.0 - probability);
    }
}
