using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

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

    /// <summary>The key stream of the pilot.</summary>
    private const long PilotStream = 0x9E5;

    /// <summary>The reference for <paramref name="model"/> under <paramref name="request"/>.</summary>
    public static GaussianModel For(IContinuousModel model, LogzRequest request)
    {
        var d = model.Dimension;
        if (request.ReferenceScale is { } scale) return Diagonal(Vec.Zeros(d), Vec.Filled(d, scale));
        var root = RngKey.FromSeed(request.Seed).FoldIn(PilotStream);
        var (startKey, runKey) = root.Split();
        var start = ExactDraws.Gaussian(startKey, PilotChains, Diagonal(Vec.Zeros(d), Vec.Filled(d, StartScale)));
        var sampler = Hmc.Create(model, request.Beta, request.StepSize, request.LeapfrogSteps);
        var (burnKey, drawKey) = runKey.Split();
        var state = Loop.Run(burnKey, sampler.Init(start), PilotBurnIn, sampler.Step);
        var (_, positions) = Loop.Scan(drawKey, state, PilotDraws, sampler.Step, (s, _) => s.Positions);
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

        if (count < 2) return Diagonal(Vec.Zeros(d), Vec.Filled(d, StartScale));
        var mean = Vec.Create(d, m =>
        {
            for (var i = 0; i < d; i++) m[i] = sum[i] / count;
        });
        var deviation = Vec.Create(d, s =>
        {
            for (var i = 0; i < d; i++)
            {
                var variance = Math.Max(0.0, (squares[i] - count * mean[i] * mean[i]) / (count - 1));
                s[i] = Widening * Math.Max(Math.Sqrt(variance), 1e-3);
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

    private static bool AllFinite(ReadOnlySpan<double> row)
    {
        foreach (var x in row)
            if (!double.IsFinite(x)) return false;
        return true;
    }
}
