using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// Which replica sits at which rung, and how far each replica has come on its way between the ends of the
/// ladder, for every chain: the record behind round-trip counts.
/// </summary>
/// <remarks>
/// A replica is a label that travels with a configuration when it is swapped. A round trip is a walk of
/// one replica from the lowest beta (rung 0) to the highest (rung R-1) and back to the lowest; replicas that
/// never diffuse across the ladder never complete one, which is the clearest sign that a ladder is too
/// coarse (Katzgraber, Trebst, Huse and Troyer 2006). Ends are checked after every swap sweep.
/// </remarks>
/// <param name="RungCount">R, the number of rungs.</param>
/// <param name="Labels">Labels[c R + r]: the replica that chain c holds at rung r.</param>
/// <param name="Progress">
/// Progress[c R + label]: 0 before the replica first reaches rung 0, 1 once it has (it is heading up),
/// 2 once it has gone on from rung 0 to rung R-1 (heading down; reaching rung 0 then completes a round trip).
/// </param>
/// <param name="RoundTrips">RoundTrips[c]: round trips completed by chain c's replicas, summed over replicas.</param>
public sealed record ReplicaTracking(int RungCount, Arr<int> Labels, Arr<int> Progress, Arr<int> RoundTrips)
{
    /// <summary>Progress code: the replica has not reached rung 0 yet.</summary>
    public const int NotStarted = 0;

    /// <summary>Progress code: last end reached was rung 0.</summary>
    public const int HeadingUp = 1;

    /// <summary>Progress code: went from rung 0 to rung R-1 and has not returned yet.</summary>
    public const int HeadingDown = 2;

    /// <summary>The replica chain <paramref name="chain"/> holds at <paramref name="rung"/>.</summary>
    public int Label(int chain, int rung) => Labels[chain * RungCount + rung];

    /// <summary>Round trips over all chains.</summary>
    public int TotalRoundTrips => RoundTrips.Sum();

    /// <summary>Replica r at rung r in every chain; the replica at rung 0 starts heading up.</summary>
    public static ReplicaTracking Start(int chains, int rungs)
    {
        var labels = new int[chains * rungs];
        var progress = new int[chains * rungs];
        for (var c = 0; c < chains; c++)
        {
            for (var r = 0; r < rungs; r++) labels[c * rungs + r] = r;
            progress[c * rungs] = HeadingUp;
        }

        return new ReplicaTracking(rungs, new Arr<int>(labels), new Arr<int>(progress), new Arr<int>(new int[chains]));
    }
}
