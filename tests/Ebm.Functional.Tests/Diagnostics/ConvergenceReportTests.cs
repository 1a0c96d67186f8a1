using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>
/// The report over the energy and the observables: it names the worst scalar, warns on any of them, reports a
/// divergence and a broken symmetry, and refuses non-finite energies.
/// </summary>
public class ConvergenceReportTests
{
    private const int Chains = 4;
    private const int Draws = 1000;

    private static ConvergenceReport Report(Mat energies, double beta, Seq<Observable> observables, params Mat[] draws) =>
        ConvergenceReport.Create(energies, beta, observables, j => draws[j]).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static Seq<Observable> Named(params string[] names) => names.Select(n => new Observable(n, _ => 0.0)).ToSeq();

    /// <summary>Row c of <paramref name="noise"/> plus <paramref name="centres"/>[c].</summary>
    private static Mat Shifted(Mat noise, params double[] centres) => Mat.Create(noise.Rows, noise.Columns, d =>
    {
        for (var c = 0; c < noise.Rows; c++)
            for (var t = 0; t < noise.Columns; t++) d[c * noise.Columns + t] = centres[c] + 0.1 * noise[c, t];
    });

    private static Mat Iid(ulong seed) => DiagnosticsTestData.Ar1(seed, Chains, Draws, phi: 0.0);

    /// <summary>
    /// Three chains at x ≈ +1 and one at -1, the energy iid N(0, 1) in all four (it cannot tell the wells apart):
    /// R-hat(E) ≤ √(1 + 4/n) (n = 500 per half chain; see RHatTests), while R-hat(x0) is about √(1 + 0.75·4/0.01/n) ≫ 1.
    /// </summary>
    [Fact]
    public void Chains_in_modes_the_energy_cannot_see_are_named_by_the_coordinate_that_separates_them()
    {
        var report = Report(Iid(1), 1.0, Named("x0", "x1"), Shifted(Iid(2), 1, 1, 1, -1), Iid(3));
        Assert.InRange(report.Energy.RHat.IfNone(double.NaN), 0.99, Math.Sqrt(1 + 4.0 / 500));
        var worst = report.WorstRHat.IfNone(() => throw new Xunit.Sdk.XunitException("no R-hat"));
        Assert.Equal(("x0", "R-hat"), (worst.Name, worst.Measure));
        Assert.True(worst.Value > 1.5, $"R-hat(x0) = {worst.Value}");
        Assert.Equal("x0", report.SmallestEss.Map(e => e.Name).IfNone(""));
        var warnings = report.Warnings();
        Assert.Contains(warnings, w => w.StartsWith("R-hat(x0) = ", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("R-hat(E)", StringComparison.Ordinal) || w.Contains("(also", StringComparison.Ordinal));
        Assert.Equal(["E", "x0", "x1"], report.Scalars.Map(s => s.Name).ToArray());
    }

    [Fact]
    public void Several_failing_scalars_give_one_warning_per_criterion_naming_the_worst_first()
    {
        var report = Report(Iid(1), 1.0, Named("x0", "x1"), Shifted(Iid(2), 1, 1, 1, -1), Shifted(Iid(3), 2, 2, -2, -2));
        var rHat = report.Warnings().Filter(w => w.StartsWith("R-hat", StringComparison.Ordinal)).ToArray();
        Assert.Single(rHat);
        Assert.StartsWith("R-hat(x1) = ", rHat[0]);
        Assert.Contains("(also x0)", rHat[0]);
    }

    [Fact]
    public void Energies_beyond_the_resolution_of_a_double_are_a_divergence()
    {
        // One energy of 2^53 at chain 2, kept step 7: beta·|E| = 2^53 ≥ 2^52 at beta 1, 2^43 < 2^52 at beta 2^-10.
        var energies = Mat.Create(Chains, Draws, d =>
        {
            Iid(4).Span.CopyTo(d);
            d[2 * Draws + 7] = Math.ScaleB(1.0, 53);
        });
        var diverged = Report(energies, 1.0, Named());
        Assert.True(diverged.Diverged);
        Assert.Contains("chain 2, kept step 7", diverged.Divergence.IfNone(""));
        Assert.Equal(diverged.Divergence.IfNone(""), diverged.Warnings().Head);
        Assert.True(double.IsFinite(diverged.Energy.Mean));
        Assert.False(Report(energies, Math.ScaleB(1.0, -10), Named()).Diverged);
        Assert.False(Report(Iid(4), 1.0, Named()).Diverged);
    }

    [Fact]
    public void A_non_finite_energy_is_a_divergence_error_naming_chain_and_step()
    {
        var energies = Mat.Create(2, 20, d => d[20 + 3] = double.PositiveInfinity);
        var error = ConvergenceReport.Create(energies, 1.0, Named(), _ => Mat.Zeros(2, 20)).Match(_ => throw new Xunit.Sdk.XunitException("expected an error"), e => e);
        Assert.Equal(DiagnosticsErrors.DivergedCode, error.Code);
        Assert.Contains("chain 1 has energy Infinity at kept step 3", error.Message);
    }

    /// <summary>
    /// All four chains at m ≈ +0.9: they agree (no R-hat warning), but m of a zero-field Ising model has exact mean
    /// 0. Iid N(0, 0.1²) noise around 0 instead: |m̄| &gt; 4 MCSE has probability 6e-5, and this fixed key does not hit it.
    /// </summary>
    [Fact]
    public void A_zero_mean_observable_far_from_zero_is_reported_and_one_near_zero_is_not()
    {
        var magnetisation = Seq1(new Observable("m", _ => 0.0, ZeroMeanBySymmetry: true));
        var stuck = Report(Iid(1), 1.0, magnetisation, Shifted(Iid(5), 0.9, 0.9, 0.9, 0.9));
        Assert.DoesNotContain(stuck.Warnings(), w => w.StartsWith("R-hat", StringComparison.Ordinal));
        Assert.Contains(stuck.Findings, f => f.StartsWith("m averages 0.8997 ± ", StringComparison.Ordinal) && f.Contains("symmetric"));
        Assert.Empty(Report(Iid(1), 1.0, magnetisation, Shifted(Iid(5), 0, 0, 0, 0)).Findings);
        Assert.Empty(Report(Iid(1), 1.0, Named("m"), Shifted(Iid(5), 0.9, 0.9, 0.9, 0.9)).Findings);
    }

    [Fact]
    public void An_observable_that_cannot_be_summarised_is_reported_and_left_out()
    {
        var broken = Mat.Create(Chains, Draws, d => d[5] = double.NaN);
        var report = Report(Iid(1), 1.0, Named("x0", "x1"), broken, Iid(3));
        Assert.Equal(["E", "x1"], report.Scalars.Map(s => s.Name).ToArray());
        Assert.Contains(report.Findings, f => f.StartsWith("x0 is not diagnosed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_summary_keeps_its_unlabelled_warnings()
    {
        var stuck = DiagnosticsTestData.Ar1(seed: 43, chains: 4, draws: 2000, phi: 0.995);
        var summary = ChainSummary.Summarise(stuck).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Contains(summary.Warnings(), w => w.StartsWith("R-hat = ", StringComparison.Ordinal));
        Assert.Contains(Report(stuck, 1.0, Named()).Warnings(), w => w.StartsWith("R-hat(E) = ", StringComparison.Ordinal));
    }
}
