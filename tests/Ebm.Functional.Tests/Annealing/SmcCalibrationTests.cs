using Ebm.Functional.Annealing;
using Ebm.Functional.Prng;
using Xunit;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>The SMC repetition error is calibrated: across independent seeds, |z| &lt; 2 about as often as it should be.</summary>
public sealed class SmcCalibrationTests
{
    // 20 seeds, R = 8 repetitions each: z = (log Z - exact) / SE is close to Student t with 7 degrees of freedom,
    // so P(|z| < 2) = 0.914 per seed. The test asks for at least 12 of 20: a calibrated error fails with probability
    // P(Binomial(20, 0.914) <= 11) = 1.7e-5. An error understated threefold gives P(|z| < 2) = 0.47 per seed and is
    // caught with probability 0.7.
    private const int Seeds = 20;
    private const int Repetitions = 8;
    private const int RequiredInside = 12;

    [Fact]
    public void Adaptive_smc_errors_cover_the_exact_answer_as_often_as_a_t_distribution_says()
    {
        var (path, exact) = SmcTestSupport.SharpMachine();
        var options = SmcOptions.Create(30, repetitions: Repetitions).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var estimates = Enumerable.Range(0, Seeds).Select(seed => Smc.Run(path, options, RngKey.FromSeed(1000 + (ulong)seed)).Estimate).ToArray();
        var z = estimates.Select(e => (e.LogZ - exact) / e.StandardError).ToArray();
        // Healthy runs: no warning may fire on them (weight degeneracy, sampler failure, the estimate checks).
        var warned = estimates.Where(e => !e.IsClean).Select(e => string.Join("; ", e.Warnings)).ToArray();
        Assert.True(warned.Length == 0, $"{warned.Length} of {Seeds} healthy runs carry warnings: {string.Join(" | ", warned.Take(3))}");
        var inside = z.Count(x => Math.Abs(x) < 2);
        Assert.True(inside >= RequiredInside, $"{inside} of {Seeds} within |z| < 2: z = [{string.Join(", ", z.Select(x => x.ToString("F2")))}]");
    }
}
