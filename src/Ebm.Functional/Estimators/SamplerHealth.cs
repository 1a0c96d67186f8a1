using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The kernel's own failure signals gathered along an annealing run and turned into the
/// <see cref="EstimateWarnings.SamplerFailure"/> warning: numerical failures reported by the kernels' infos
/// (<see cref="INumericalFailureInfo"/>: HMC divergences, non-finite proposals, NaN energy changes), the mean acceptance
/// (<see cref="IAcceptanceInfo"/>), and particles whose every move left their log density unchanged (they never moved).
/// </summary>
/// <remarks>
/// <para>A kernel that fails keeps each f_t invariant in name only: a particle that cannot move carries its start
/// through the whole path, and the weights then measure the base rather than the target, with a small standard
/// error (the stiff Gaussian whose HMC trajectories all diverge gives log Z = -5e23 "± 1e17"). Each rule is set so
/// that a healthy run never meets it: a rare divergence or a cold lattice that seldom flips late in the path is
/// normal; a tenth of the particles never moving, or near-zero acceptance over the whole path, is not.</para>
/// <para>The unchanged-density test costs nothing: the log density at t_k is evaluated before the move at t_k (for
/// the increment into t_k) and after it (for the increment out of t_k).</para>
/// </remarks>
public static class SamplerHealth
{
    /// <summary>Numerical failures in more than this fraction of the particle moves raise the warning.</summary>
    public const double FailureFraction = 0.01;

    /// <summary>A mean acceptance rate below this over all the moves of a run raises the warning.</summary>
    public const double MinimumAcceptance = 0.01;

    /// <summary>More than this fraction of the particles never moving raises the warning.</summary>
    public const double FrozenFraction = 0.1;

    /// <summary>The moves per particle below which "never moved" is not judged (a short run may leave a particle in place by chance).</summary>
    public const int MinimumMovesForFrozen = 5;

    /// <summary>A mutable tally for one run; used inside an estimator, never shared.</summary>
    internal sealed class Tally(int particles)
    {
        private readonly bool[] _moved = new bool[particles];
        private long _moves, _failures;
        private double _acceptance;
        private int _rounds;

        /// <summary>Counts one move of every particle from its info.</summary>
        public void Record(IAcceptanceInfo info)
        {
            var rates = info.AcceptanceRates;
            for (var i = 0; i < rates.Length; i++) _acceptance += double.IsNaN(rates[i]) ? 0.0 : rates[i];
            _moves += rates.Length;
            if (info is INumericalFailureInfo failures) _failures += failures.NumericalFailures;
        }

        /// <summary>Marks the particles whose log density at one point changed across a round of moves there.</summary>
        public void Compare(Vec before, Vec after)
        {
            _rounds++;
            for (var i = 0; i < _moved.Length && i < before.Length && i < after.Length; i++)
                if (before[i] != after[i]) _moved[i] = true;
        }

        /// <summary>Marks the chains (rows) whose state changed between two recorded steps.</summary>
        public void Compare(Mat before, Mat after)
        {
            _rounds++;
            for (var i = 0; i < _moved.Length && i < before.Rows && i < after.Rows; i++)
                if (!_moved[i] && !before.Row(i).SequenceEqual(after.Row(i))) _moved[i] = true;
        }

        /// <summary>What the tally has seen, as a value that merges with other blocks' (<see cref="SamplerHealthCounts.Merge"/>).</summary>
        public SamplerHealthCounts Counts() =>
            new(_moved.Length, _moves, _failures, _acceptance, _rounds, _moved.Count(m => !m));

        /// <summary>The sampler-failure warning, if any rule is met (<paramref name="what"/> names the run, e.g. "AIS").</summary>
        public Seq<EstimateWarning> Warnings(string what) => SamplerHealth.Warnings(Counts(), what);
    }

    /// <summary>The sampler-failure warning of a run's counts, if any rule is met (<paramref name="what"/> names the run, e.g. "AIS").</summary>
    /// <param name="counts">The run's tallies, merged over its blocks.</param>
    /// <param name="what">The run's name in the message.</param>
    public static Seq<EstimateWarning> Warnings(SamplerHealthCounts counts, string what)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var reasons = new List<string>();
        if (counts.Moves > 0 && counts.Failures > FailureFraction * counts.Moves)
            reasons.Add($"{counts.Failures} of {counts.Moves} particle moves failed numerically (HMC divergences, non-finite proposals or NaN energy changes)");
        if (counts.Moves > 0 && counts.AcceptanceSum / counts.Moves < MinimumAcceptance)
            reasons.Add($"the kernel accepted {counts.AcceptanceSum / counts.Moves:P2} of its proposals on average");
        if (counts.Rounds >= MinimumMovesForFrozen && counts.Frozen > FrozenFraction * counts.Particles)
            reasons.Add($"{counts.Frozen} of {counts.Particles} particles never moved in {counts.Rounds} rounds of moves");
        return reasons.Count == 0
            ? Seq<EstimateWarning>()
            : Seq1(EstimateWarnings.Of(EstimateWarnings.SamplerFailure,
                $"the {what} kernel broke down: {string.Join("; ", reasons)}. The particles did not follow the path, so the estimate " +
                "and its error are meaningless; do not trust them (use a smaller step size, a kernel that suits the model, or a reference closer to the target)"));
    }
}
