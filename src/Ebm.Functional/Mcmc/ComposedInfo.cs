using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The info of a kernel built from kernels by <see cref="Kernels"/> (<see cref="SequenceInfo{TFirst,TSecond}"/>,
/// <see cref="MovesInfo{TInfo}"/>, <see cref="MixtureInfo{TInfo}"/>): it keeps the infos of the moves the step applied
/// and reports for the whole step what a plain kernel's info reports, so that a composed kernel runs wherever a plain
/// one does (runners, annealing paths, <c>SamplerHealth</c>).
/// </summary>
/// <remarks>
/// <para>A move is one application of a kernel that is not itself composed; a composed part counts its own moves, so
/// nesting does not change the weights: <c>Sequence(Repeat(sweep, 5), wolff)</c> applies 6 moves.</para>
/// <para><see cref="AcceptanceRates"/> is the mean over the moves whose infos report acceptance
/// (<see cref="IAcceptanceInfo"/>), per chain: with sweep acceptances a1..a5 and Wolff's 1, chain c reports
/// (a1 + ... + a5 + 1) / 6. Moves whose infos say nothing about acceptance (a deterministic map, say) are left out of
/// the mean; when no move reports, the rates are empty (<see cref="Vec.Empty"/>).</para>
/// <para><see cref="NumericalFailures"/> is the sum over the moves that count them (<see cref="INumericalFailureInfo"/>),
/// 0 when none does.</para>
/// </remarks>
public abstract record ComposedInfo : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The infos of the parts this step applied, in order of application.</summary>
    protected abstract IEnumerable<object?> Parts { get; }

    /// <summary>The moves this step applied: a plain part counts one, a composed part its own <see cref="Moves"/>.</summary>
    public int Moves => Parts.Sum(part => part is ComposedInfo composed ? composed.Moves : 1);

    /// <summary>Per chain, the mean acceptance rate over the moves that report one; empty when none does.</summary>
    /// <exception cref="InvalidOperationException">Two parts report rates for different numbers of chains.</exception>
    public Vec AcceptanceRates
    {
        get
        {
            var (sum, moves) = AcceptanceTotal();
            if (sum is null) return Vec.Empty;
            for (var c = 0; c < sum.Length; c++) sum[c] /= moves;
            return Vec.Wrap(sum);
        }
    }

    /// <summary>The numerical failures of every part that counts them.</summary>
    public int NumericalFailures => Parts.Sum(part => part is INumericalFailureInfo failures ? failures.NumericalFailures : 0);

    /// <summary>Per chain, the sum of the acceptance rates of the reporting moves, and how many they are (null and 0: none).</summary>
    private (double[]? Sum, int Moves) AcceptanceTotal()
    {
        double[]? sum = null;
        var moves = 0;
        foreach (var part in Parts)
        {
            var (rates, count) = part switch
            {
                ComposedInfo composed => composed.AcceptanceTotal(),
                IAcceptanceInfo plain => (plain.AcceptanceRates.ToArray(), 1),
                _ => (null, 0),
            };
            if (rates is null) continue;
            sum ??= new double[rates.Length];
            if (rates.Length != sum.Length)
                throw new InvalidOperationException($"the composed kernels report acceptance for {sum.Length} and {rates.Length} chains");
            for (var c = 0; c < sum.Length; c++) sum[c] += rates[c];
            moves += count;
        }

        return (sum, moves);
    }
}
