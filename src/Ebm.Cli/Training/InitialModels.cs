using Ebm.Cli.Output;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The seeded models training starts from when no <c>--init</c> is given: small random weights, and biases that make
/// each unit's marginal match the data's mean (Hinton 2010, "A practical guide to training restricted Boltzmann
/// machines", sec. 8: weights from N(0, 0.01^2), visible biases log(p_i / (1 - p_i)), hidden biases 0).
/// </summary>
internal static class InitialModels
{
    /// <summary>The standard deviation of the initial weights.</summary>
    public const double WeightScale = 0.01;

    /// <summary>Data means are clipped into [<see cref="MeanClip"/>, 1 - <see cref="MeanClip"/>] so a unit that is always on gets a finite bias.</summary>
    public const double MeanClip = 1e-3;

    /// <summary>A Bernoulli RBM with <paramref name="hidden"/> hidden units for binary data.</summary>
    public static Fin<BernoulliRbm> BernoulliRbm(RngKey key, Mat data, int hidden)
    {
        var visible = data.Columns;
        var weights = Mat.Create(visible, hidden, d => Scaled(key, d));
        var bias = Vec.Create(visible, d => FillLogits(d, data, spin: false));
        return Outcomes.ToFin(Functional.Models.BernoulliRbm.Create(weights, bias, Vec.Zeros(hidden)));
    }

    /// <summary>
    /// A Gaussian-Bernoulli RBM for real-valued data: visible biases at the data's means and sigma at its standard
    /// deviations (at least <see cref="MinSigma"/>), so the starting model's visible marginal is near the data's.
    /// </summary>
    public static Fin<GaussianBernoulliRbm> GaussianBernoulliRbm(RngKey key, Mat data, int hidden)
    {
        var visible = data.Columns;
        var weights = Mat.Create(visible, hidden, d => Scaled(key, d));
        var mean = new double[visible];
        var sigma = new double[visible];
        for (var i = 0; i < visible; i++)
        {
            double sum = 0, square = 0;
            for (var r = 0; r < data.Rows; r++)
            {
                sum += data[r, i];
                square += data[r, i] * data[r, i];
            }

            mean[i] = data.Rows == 0 ? 0 : sum / data.Rows;
            sigma[i] = Math.Max(MinSigma, Math.Sqrt(Math.Max(0, (data.Rows == 0 ? 1 : square / data.Rows) - mean[i] * mean[i])));
        }

        return Outcomes.ToFin(Functional.Models.GaussianBernoulliRbm.Create(weights, Vec.From(mean), Vec.Zeros(hidden), Vec.From(sigma)));
    }

    /// <summary>The smallest starting sigma, for a unit that is constant in the data.</summary>
    public const double MinSigma = 1e-2;

    /// <summary>A Boltzmann machine over all pairs, in <paramref name="states"/>, for data of that convention.</summary>
    public static Fin<BoltzmannMachine> BoltzmannMachine(RngKey key, Mat data, StateConvention states)
    {
        var n = data.Columns;
        var noise = new double[n * n];
        key.Normal(noise);
        // Symmetric, zero diagonal: entry (i, j) and (j, i) both take the draw of the upper triangle.
        var couplings = Mat.Create(n, n, d =>
        {
            for (var i = 0; i < n; i++)
                for (var j = i + 1; j < n; j++)
                    d[i * n + j] = d[j * n + i] = WeightScale * noise[i * n + j];
        });
        var biases = Vec.Create(n, d => FillLogits(d, data, states == StateConvention.Spin));
        return Outcomes.ToFin(Functional.Models.BoltzmannMachine.Create(couplings, biases, states));
    }

    /// <summary>
    /// The bias of an independent unit whose mean is the data's: log(p / (1 - p)) for {0,1} units, atanh(m) for spins
    /// (p(x = 1) = (1 + m) / 2, so the field is half the logit).
    /// </summary>
    private static void FillLogits(Span<double> destination, Mat data, bool spin)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var sum = 0.0;
            for (var r = 0; r < data.Rows; r++) sum += data[r, i];
            var mean = data.Rows == 0 ? 0.0 : sum / data.Rows;
            var p = Math.Clamp(spin ? (1 + mean) / 2 : mean, MeanClip, 1 - MeanClip);
            destination[i] = (spin ? 0.5 : 1.0) * Math.Log(p / (1 - p));
        }
    }

    private static void Scaled(RngKey key, Span<double> destination)
    {
        key.Normal(destination);
        for (var i = 0; i < destination.Length; i++) destination[i] *= WeightScale;
    }
}
