using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// Pieces shared by the continuous kernels: building the cached state, checking parameters, the
/// Metropolis-Hastings decision in log space and the deterministic per-chain parallel loop.
/// </summary>
internal static class ContinuousKernel
{
    /// <summary>
    /// The sampler of one continuous kernel at <paramref name="beta"/>: Init caches energies and gradients, Step is
    /// the kernel's factory at beta (which validates the arguments).
    /// </summary>
    public static Sampler<Mat, ContinuousChains, TInfo> Sampler<TInfo>(
        string name, IContinuousModel model, double beta, Func<double, KernelStep<ContinuousChains, TInfo>> factory, int maxDegreeOfParallelism)
    {
        var step = factory(beta);
        return new Sampler<Mat, ContinuousChains, TInfo>(name, positions => Init(model, positions, maxDegreeOfParallelism), step);
    }

    /// <summary>Caches E and dE/dx of every row of <paramref name="positions"/>.</summary>
    public static ContinuousChains Init(IContinuousModel model, Mat positions, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Columns != model.Dimension)
            throw new ArgumentException($"positions have {positions.Columns} columns, the model has dimension {model.Dimension}", nameof(positions));
        var (chains, d) = (positions.Rows, positions.Columns);
        var energies = new double[chains];
        var gradients = new double[chains * d];
        ForEachChain(chains, maxDegreeOfParallelism, c =>
        {
            var x = positions.Row(c);
            energies[c] = model.Energy(x);
            model.EnergyGradient(x, gradients.AsSpan(c * d, d));
        });
        return new ContinuousChains(positions, Vec.Wrap(energies), Mat.Wrap(chains, d, gradients));
    }

    /// <summary>Runs <paramref name="body"/> for every chain; each call writes only its own slots, so the order does not matter.</summary>
    public static void ForEachChain(int chains, int maxDegreeOfParallelism, Action<int> body) =>
        Batch.ForEachRow(maxDegreeOfParallelism, chains, body);

    /// <summary>Throws for a beta or step size that is not positive and finite, or a bad degree of parallelism.</summary>
    public static void Check(double beta, double stepSize, int maxDegreeOfParallelism)
    {
        if (!(beta > 0) || !double.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive and finite");
        if (!(stepSize > 0) || !double.IsFinite(stepSize)) throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "the step size must be positive and finite");
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "use -1 (no limit) or a positive count");
    }

    /// <summary>True when the energy and every entry of the spans are finite.</summary>
    public static bool AllFinite(double energy, ReadOnlySpan<double> position, ReadOnlySpan<double> gradient)
    {
        if (!double.IsFinite(energy)) return false;
        foreach (var v in position) if (!double.IsFinite(v)) return false;
        foreach (var v in gradient) if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>
    /// min(1, exp(logRatio)) without overflow; a NaN ratio has probability 0. A ratio of +infinity (the
    /// current point had infinite energy, the proposal a finite one) is accepted with probability 1.
    /// </summary>
    public static double AcceptanceProbability(double logRatio) =>
        double.IsNaN(logRatio) ? 0.0 : logRatio >= 0 ? 1.0 : Math.Exp(logRatio);

    /// <summary>The MH decision: accept when u &lt; min(1, exp(logRatio)), i.e. log u &lt; logRatio; NaN rejects.</summary>
    public static bool Accept(double uniform, double logRatio) => Math.Log(uniform) < logRatio;

    /// <summary>Copies the current row c into the output buffers (a rejected or refused move).</summary>
    public static void KeepRow(ContinuousChains state, int c, double[] positions, double[] energies, double[] gradients)
    {
        var d = state.Dimension;
        state.Positions.Row(c).CopyTo(positions.AsSpan(c * d, d));
        state.Gradients.Row(c).CopyTo(gradients.AsSpan(c * d, d));
        energies[c] = state.Energies[c];
    }

    /// <summary>Wraps the output buffers of a step as the next state.</summary>
    public static ContinuousChains Publish(int chains, int d, double[] positions, double[] energies, double[] gradients) =>
        new(Mat.Wrap(chains, d, positions), Vec.Wrap(energies), Mat.Wrap(chains, d, gradients));
}
