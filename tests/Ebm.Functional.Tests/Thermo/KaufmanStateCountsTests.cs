using System.Numerics;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using MathNet.Numerics.Distributions;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Beale's (1996) exact density of states of the Ising torus, expanded from Kaufman's partition function in exact integer
/// arithmetic (<see cref="KaufmanStateCounts"/>), against state-by-state enumeration, the independent transfer count
/// (<see cref="IsingTorusDensity"/>), published counts and the library's Kaufman log Z. All comparisons of counts are exact.
/// </summary>
public sealed class KaufmanStateCountsTests
{
    /// <summary>Relative agreement demanded of log Z from the counts against the library's Kaufman evaluation (rounding only).</summary>
    private const double Tolerance = 1e-12;

    private static readonly double[] Betas = [0.0, 0.1, 0.3, 0.4406868, 0.6, 1.0, 2.0];

    /// <summary>Chance that a correct Wang-Landau run fails the check over all energies of one torus.</summary>
    private const double Delta = 1e-3;

    /// <summary>Eight walkers to ln f = 1e-5: the error of each ln g(E) is their standard error, with 7 degrees of freedom.</summary>
    private static readonly WangLandauSettings Walkers = new() { Walkers = 8, FinalLogF = 1e-5 };

    [Theory]
    [InlineData(4, 4)]
    [InlineData(2, 6)]
    [InlineData(3, 4)]
    [InlineData(2, 5)]
    [InlineData(3, 3)]
    [InlineData(3, 5)]
    [InlineData(2, 2)]
    [InlineData(1, 6)]
    public void Counts_equal_the_enumerated_energies_of_every_state(int rows, int columns)
    {
        var model = Torus(rows, columns);
        var bonds = 2 * rows * columns;
        var enumerated = new BigInteger[2 * bonds + 1];
        foreach (var energy in Ok(Enumeration.Energies(model)).Span.ToArray()) enumerated[bonds - (int)Math.Round(energy)]++;
        Assert.Equal(enumerated, KaufmanStateCounts.BondSumCounts(rows, columns));
        Assert.Equal(KaufmanStateCounts.UnsatisfiedBondCounts(rows, columns), KaufmanStateCounts.UnsatisfiedBondCounts(columns, rows));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Counts_equal_the_independent_transfer_count(int side) =>
        Assert.Equal(IsingTorusDensity.BondSumCounts(side), KaufmanStateCounts.BondSumCounts(side, side));

    [Theory]
    [InlineData(8, 8)]
    [InlineData(6, 10)]
    [InlineData(5, 7)]
    [InlineData(12, 12)]
    [InlineData(16, 16)]
    public void Counts_sum_to_two_to_the_n_and_give_kaufmans_log_z(int rows, int columns)
    {
        var n = rows * columns;
        var counts = KaufmanStateCounts.UnsatisfiedBondCounts(rows, columns);
        Assert.Equal(BigInteger.Pow(2, n), counts.Aggregate(BigInteger.Zero, (a, b) => a + b));
        Assert.All(counts, g => Assert.True(g >= 0));
        Assert.All(counts.Where((_, u) => u % 2 == 1), g => Assert.Equal(BigInteger.Zero, g));

        // The sublattice flip maps u unsatisfied bonds onto 2N - u when both sides are even; an odd side frustrates it.
        var symmetric = counts.SequenceEqual(counts.Reverse());
        Assert.Equal(rows % 2 == 0 && columns % 2 == 0, symmetric);

        var model = Torus(rows, columns);
        foreach (var beta in Betas)
        {
            var logTerms = Enumerable.Range(0, counts.Length).Where(u => counts[u] > 0)
                .Select(u => BigInteger.Log(counts[u]) + beta * (2.0 * n - 2.0 * u)).ToArray();
            var logZ = LogSpace.LogSumExp(logTerms);
            var kaufman = Ok(Kaufman.Compute(model, beta)).LogZ;
            Assert.True(Math.Abs(kaufman - logZ) <= Tolerance * Math.Max(1.0, Math.Abs(logZ)), $"beta {beta}: counts give {logZ:R}, Kaufman {kaufman:R}");
        }
    }

    /// <summary>
    /// The number of zero-energy states (u = N unsatisfied bonds) of the n x k torus, OEIS A364781 (a state-by-state count for
    /// small tori, and Haggkvist et al., Phys. Rev. E 69, 046104 (2004) for the larger): none when N is odd.
    /// </summary>
    [Theory]
    [InlineData(4, 4, "20524")]
    [InlineData(4, 3, "1346")]
    [InlineData(5, 4, "272682")]
    [InlineData(6, 5, "226137622")]
    [InlineData(6, 6, "13172279424")]
    [InlineData(7, 6, "777714553240")]
    [InlineData(7, 7, "0")]
    [InlineData(8, 2, "15876")]
    [InlineData(8, 6, "46463664513012")]
    [InlineData(8, 8, "2627978003957146636")]
    [InlineData(9, 8, "633566123999182005386")]
    public void Zero_energy_counts_match_the_published_ones(int rows, int columns, string published) =>
        Assert.Equal(BigInteger.Parse(published), KaufmanStateCounts.UnsatisfiedBondCounts(rows, columns)[rows * columns]);

    /// <summary>
    /// Beale's low-temperature terms for both sides above 5: g_0 = 2, g_2 = 0, g_4 = 2N (one flipped spin), g_6 = 4N (a flipped
    /// pair), g_8 = N^2 + 9N, g_10 = 4N^2 + 24N (index u = the unsatisfied bonds).
    /// </summary>
    [Theory]
    [InlineData(6, 6)]
    [InlineData(6, 9)]
    [InlineData(10, 8)]
    public void Low_energy_counts_follow_beales_series(int rows, int columns)
    {
        var counts = KaufmanStateCounts.UnsatisfiedBondCounts(rows, columns);
        BigInteger n = rows * columns;
        Assert.Equal(new[] { 2, 0, 0, 0, 2 * n, 0, 4 * n, 0, n * n + 9 * n, 0, 4 * n * n + 24 * n }, counts.Take(11));
    }

    /// <summary>
    /// Wang-Landau's ln g(E) on tori beyond the transfer count (a rectangle, an odd side whose spectrum is not symmetric)
    /// against the exact counts: with W = 8 walkers, (sampled - exact) / error follows Student's t with 7 degrees of freedom
    /// for an unbiased estimate, and the check over K energies takes its quantile at 1 - Delta / (2K) (Bonferroni,
    /// Delta = 1e-3). Every energy the exact count holds must be found, and each error must be below 0.05, so that a
    /// blown-up error bar cannot pass.
    /// </summary>
    [Theory]
    [InlineData(6, 6, 31ul)]
    [InlineData(5, 8, 32ul)]
    public void Wang_landau_lies_within_its_walker_spread_of_the_exact_counts(int rows, int columns, ulong seed)
    {
        var counts = KaufmanStateCounts.UnsatisfiedBondCounts(rows, columns);
        var n = rows * columns;
        var exact = Enumerable.Range(0, counts.Length).Where(u => counts[u] > 0)
            .Select(u => (Energy: 2.0 * u - 2.0 * n, LogG: BigInteger.Log(counts[u]))).ToArray();
        var sampled = Ok(WangLandau.Run(RngKey.FromSeed(seed), Torus(rows, columns), Walkers));
        Assert.Equal(exact.Select(level => level.Energy), sampled.Energies.Span.ToArray());
        Assert.Equal(Walkers.Walkers, sampled.Walkers);
        var bound = StudentT.InvCDF(0, 1, sampled.Walkers - 1, 1 - Delta / (2 * exact.Length));
        for (var k = 0; k < exact.Length; k++)
        {
            var error = sampled.LogGError[k];
            Assert.True(error is > 0 and <= 0.05, $"ln g({exact[k].Energy}) has error {error}");
            var z = (sampled.LogG[k] - exact[k].LogG) / error;
            Assert.True(Math.Abs(z) <= bound,
                $"ln g({exact[k].Energy}) = {sampled.LogG[k]:F5} +- {error:F5}, exact {exact[k].LogG:F5}: {z:F2} errors (bound {bound:F2})");
        }
    }

    private static IsingModel Torus(int rows, int columns) =>
        IsingModel.Create(rows, columns, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static T Ok<T>(LanguageExt.Fin<T> fin) => fin.Match(v => v, e => throw new InvalidOperationException(e.Message));
}
