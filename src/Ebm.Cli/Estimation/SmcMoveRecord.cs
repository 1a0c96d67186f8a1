using System.Text.Json.Serialization;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Estimation;

/// <summary>
/// A block's move as it travels back to the coordinator: what the sampler-health tally reads from a move's info (the
/// acceptance rate of each particle, the numerical failures), and nothing else.
/// </summary>
/// <param name="Rates">The acceptance rate of each of the block's particles, encoded (<see cref="SmcParticleCodec.Doubles"/>).</param>
/// <param name="Failures">The move's numerical failures (0 for a kernel that does not count them).</param>
internal sealed record SmcMoveRecord(string Rates, int Failures) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The record of <paramref name="info"/>.</summary>
    public static SmcMoveRecord Of(IAcceptanceInfo info) =>
        new(SmcParticleCodec.Doubles(info.AcceptanceRates.Span), info is INumericalFailureInfo failures ? failures.NumericalFailures : 0);

    /// <inheritdoc />
    [JsonIgnore]
    public Vec AcceptanceRates => Vec.Of(SmcParticleCodec.FromDoubles(Rates));

    /// <inheritdoc />
    [JsonIgnore]
    public int NumericalFailures => Failures;
}
