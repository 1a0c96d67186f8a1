using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The Gaussian reference of continuous models: N(0, s^2 I) when --reference-scale gives s, otherwise moment
/// matched to a short HMC pilot at the target (diagonal, each standard deviation widened by
/// <see cref="Widening"/> so the reference's tails cover the target's).
/// </summary>
/// <remarks>
/// The pilot runs <see cref="PilotChains"/> chains from N(0, 9 I) for <see cref="PilotBurnIn"/> + <see cref="PilotDraws"/>
/// steps on its own key stream (<c>FromSeed(seed).FoldIn(PilotStream)</c>), so the estimate's draws never see it.
/// Pooling chains keeps every mode they reach inside the reference.
/// </remarks>
internal static class GaussianReference
{
    public const int PilotChains = 16;
    public const int PilotBurnIn = 200;
    public const int PilotDraws = 200;
    public const double Widening = 1.5;
    public const double StartScale = 3.0;

    /// <summary>
    /// The smallest standard deviation s of a reference: s^2 must stay a normal double (s &gt;= 2^-511, about 1.5e-154)
    /// so that the precision 1/s^2 is finite; 1e-150 keeps a margin.
    /// </summary>
    public const double MinScale = 1e-150;

    /// <summary>
    /// The largest standard deviation s of a reference: the square of a draw 40 s from the mean, which the energy
    /// (x - mu)^2 / (2 s^2) and the path's interpolated gradients form, must stay finite ((40 s)^2 &lt;= 1.8e308, so
    /// s &lt;= 3.3e152); 1e150 keeps a margin.
    /// </summary>
    public const double MaxScale = 1e150;

    /// <summary>True when <paramref name="scale"/> makes a Gaussian whose density and precision are representable.</summary>
    public static bool Representable(double scale) => scale is >= MinScale and <= MaxScale;

    /// <summary>Steps of the pilot, for its cost.</summary>
    public const int PilotSteps = PilotBurnIn + PilotDraws;

    /// <summary>The key stream of the pilot.</summary>
    private const long PilotStream = 0x9E5;

    /// <summary>True when the reference of <paramref name="request"/> comes from a pilot run (no --reference-scale).</summary>
    public static bool NeedsPilot(LogzRequest request) => request.ReferenceScale is null;

    /// <summary>The reference for <paramref name="model"/> under <paramref name="request"/>; the pilot reports to <paramref name="progress"/>.</summary>
    public static GaussianModel For(IContinuousModel model, LogzRequest request, IProgress<double>? progress = null)
    {
        var d = model.Dimension;
        if (request.ReferenceScale is { } scale) return Diagonal(Vec.Zeros(d), Vec.Filled(d, scale));
        var root = RngKey.FromSeed(request.Seed).FoldIn(PilotStream);
        var (startKey, runKey) = root.Split();
        var start = ExactDraws.Gaussian(startKey, PilotChains, Diagonal(Vec.Zeros(d), Vec.Filled(d, StartScale)));
        var sampler = Hmc.Create(model, request.Beta, request.StepSize, request.LeapfrogSteps);
        var (burnKey, drawKey) = runKey.Split();
        var state = Loop.Run(burnKey, sampler.Init(start), PilotBurnIn, sampler.Step, Part(progress, 0, PilotBurnIn));
        var (_, positions) = Loop.Scan(drawKey, state, PilotDraws, sampler.Step, (s, _) => s.Positions, Part(progress, PilotBurnIn, PilotDraws));
        var sum = new double[d];
        var squares = new double[d];
        var count = 0;
        foreach (var batch in positions)
        for (var c = 0; c < batch.Rows; c++)
        {
            var row = batch.Row(c);
            if (!AllFinite(row)) continue;
            count++;
            for (var i = 0; i < d; i++)
            {
                sum[i] += row[i];
                squares[i] += row[i] * row[i];
            }
        }

        // Too few finite draws, or draws so far out that their sum overflows: the pilot says nothing usable.
        if (count < 2 || !sum.All(double.IsFinite)) return Diagonal(Vec.Zeros(d), Vec.Filled(d, StartScale));
        var mean = Vec.Create(d, m =>
        {
            for (var i = 0; i < d; i++) m[i] = sum[i] / count;
        });
        var deviation = Vec.Create(d, s =>
        {
            for (var i = 0; i < d; i++)
            {
                var variance = Math.Max(0.0, (squares[i] - count * mean[i] * mean[i]) / (count - 1));
                // A pilot that wandered far can overflow the sum of squares (Inf - Inf is NaN); the reference stays representable.
                s[i] = double.IsFinite(variance) ? Math.Clamp(Widening * Math.Max(Math.Sqrt(variance), 1e-3), MinScale, MaxScale) : MaxScale;
            }
        });
        return Diagonal(mean, deviation);
    }

    /// <summary>N(mean, diag(deviation^2)).</summary>
    public static GaussianModel Diagonal(Vec mean, Vec deviation)
    {
        var d = mean.Length;
        return GaussianModel.Create(mean, Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++) p[i * d + i] = 1.0 / (deviation[i] * deviation[i]);
        })).Match(g => g, e => throw new InvalidOperationException(e.Head.Message));
    }

    /// <summary>The pilot's overall fraction done while <paramref name="steps"/> steps after the first <paramref name="before"/> run.</summary>
    private static IProgress<double>? Part(IProgress<double>? progress, int before, int steps) =>
        progress is null ? null : new Progress(fraction => progress.Report((before + fraction * steps) / PilotSteps));

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static bool AllFinite(ReadOnlySpan<double> row)
    {
        foreach (var x in row)
            if (!double.IsFinite(x)) return false;
        return true;
    }
}
