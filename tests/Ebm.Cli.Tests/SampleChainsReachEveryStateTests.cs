using System.Globalization;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Tests;

/// <summary>
/// No chain of <c>ebm sample</c> is trapped. With the Metropolis rule min(1, e^0) = 1 the checkerboard sweep of
/// the 4 x 4 torus at h = 0 moved the alternating-column state (every neighbour sum 0, E = 0) to its mirror image
/// and back forever; seed 205 started one of 64 chains there (chain 47: 2000 kept steps at E = 0, R-hat 1.063).
/// </summary>
public sealed class SampleChainsReachEveryStateTests : IDisposable
{
    private const double Beta = 0.44;
    private const int Chains = 64;
    private const int Steps = 2000;

    // Each chain's mean energy is checked against the exact U with the standard error sigma sqrt(tau / T) of a
    // mean of T = 2000 steps, sigma^2 and tau estimated from all 64 chains together (tau is about 2.5 sweeps, so a
    // chain's mean rests on about 800 independent draws and is close to normal). Over the 960 chains of seeds
    // 200..214 the standardised errors had variance 1.10 and the largest was 4.4 (this seed, chain 39); at 6
    // standard errors, N(0, 1.1) puts the chance that any of the 64 chains fails below 1e-6.
    private const double StandardErrors = 6.0;

    // R-hat above 1.01 means the chains have not mixed (the README's rule); with about 48,000 effective draws
    // a correct sampler's R-hat is 1 + O(1e-4).
    private const double RHatLimit = 1.01;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Checkerboard_chains_of_the_4x4_torus_all_sample_the_same_distribution()
    {
        var csv = _temp.Path("samples.csv");
        var outcome = CliRun.Invoke("sample", CliRun.Example("ising-4x4.json"), "--sampler", "checkerboard",
            "--beta", "0.44", "--chains", "64", "--steps", "2000", "--seed", "205", "--out", csv);
        Assert.True(outcome.Code == 0, outcome.Err);
        var energies = EnergyTraces(csv);

        for (var c = 0; c < Chains; c++)
        {
            var trace = energies.Row(c).ToArray();
            Assert.False(trace.All(e => e == 0.0), $"chain {c} stayed at E = 0 for all {Steps} steps: trapped in a cycle");
        }

        var exact = ExampleExact.Ising4x4(Beta).MeanEnergy;
        var tau = IntegratedAutocorrelationTime.OfDraws(energies).Match(t => t, e => throw new InvalidOperationException(e.Message));
        var standardError = Math.Sqrt(PooledVariance(energies) * tau / Steps);
        for (var c = 0; c < Chains; c++)
        {
            var mean = Mean(energies.Row(c));
            Assert.True(Math.Abs(mean - exact) <= StandardErrors * standardError,
                $"chain {c}: mean energy {mean}, exact U {exact}, standard error of a chain's mean {standardError} (tau {tau})");
        }

        var rHat = RHat.GelmanRubin(energies).Match(r => r, e => throw new InvalidOperationException(e.Message));
        Assert.True(rHat <= RHatLimit, $"energy R-hat {rHat}");
    }

    /// <summary>The kept energies of the CSV (chain,step,energy,x0,...) as a chains x steps matrix.</summary>
    private static Mat EnergyTraces(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("chain,step,energy,", lines[0]);
        Assert.Equal(Chains * Steps, lines.Length - 1);
        return Mat.Create(Chains, Steps, d =>
        {
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(',', 4);
                var chain = int.Parse(fields[0], CultureInfo.InvariantCulture);
                var step = int.Parse(fields[1], CultureInfo.InvariantCulture);
                d[chain * Steps + step] = double.Parse(fields[2], CultureInfo.InvariantCulture);
            }
        });
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    private static double PooledVariance(Mat draws)
    {
        var mean = Mean(draws.Span);
        var squares = 0.0;
        foreach (var v in draws.Span) squares += (v - mean) * (v - mean);
        return squares / (draws.Span.Length - 1);
    }
}
