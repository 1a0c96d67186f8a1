using static LanguageExt.Prelude;
using LanguageExt.Common;
using LanguageExt;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>Annealing paths for Bernoulli RBMs.</summary>
public static partial class Paths
{
    /// <summary>
    /// The base-rate path of a Bernoulli RBM (Salakhutdinov and Murray, 2008), hidden units summed out:
    /// f_t(v) = exp((1 - t) bA.v + t beta b.v) prod_j (1 + exp(t beta (W_j.v + c_j))), from independent visible
    /// units with biases bA (t = 0, Z_0 = 2^nh prod_i (1 + e^bA_i)) to the visible marginal of p_beta (t = 1),
    /// whose normaliser is the RBM's Z(beta). The move at t is one block-Gibbs step of the intermediate RBM
    /// (weights t beta W, visible bias (1 - t) bA + t beta b, hidden bias t beta c): h ~ Bern(sigmoid(t beta x)),
    /// v ~ Bern(sigmoid((1 - t) bA + t beta (W h + b))), then x = v W + c, two matrix products per step.
    /// </summary>
    /// <remarks>
    /// <para>Choose bA with <see cref="BaseRate.VisibleBias"/> from the data the RBM was trained on; bA = 0
    /// gives the uniform base, and the path is then tempering from uniform with the hidden units summed out.</para>
    /// <para>Each particle's weight increment log f_t - log f_t' needs no matrix product: the state caches
    /// x = v W + c. Log weights accumulate in double. Results do not depend on the thread count (given one
    /// GEMM backend).</para>
    /// <example><code>
    /// var estimate = from bA in BaseRate.VisibleBias(data)
    ///                from path in Paths.RbmBaseRate(rbm, bA)
    ///                from schedule in AnnealingSchedule.Linear(1000)
    ///                from ais in Ais.Run(RngKey.FromSeed(7), path, schedule, particles: 100)
    ///                select ais;
    /// </code></example>
    /// </remarks>
    /// <param name="model">The RBM.</param>
    /// <param name="baseVisibleBias">bA, one entry per visible unit, finite.</param>
    /// <param name="beta">The target inverse temperature, finite and &gt;= 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-particle work (-1: no limit); results do not depend on it.</param>
    /// <param name="singlePrecision">True: the two matrix products of each move (and the cached fields) in float32
    /// (SGEMM, float sigmoids), with weights, densities and log weights still in double. The path's densities are then
    /// those of the rounded fields, so AIS stays consistent; its result differs from the double path's by float32
    /// rounding (relative 1e-7 on each field), far below the standard error of any practical run. States built with
    /// <see cref="RbmAnnealingState.FromVisible"/> (e.g. exact target draws for reverse AIS) carry double fields, which
    /// differ from this variant's by the same rounding.</param>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>): beta, bA's length, its non-finite entries.</returns>
    public static Validation<Error, AnnealingPath<RbmAnnealingState>> RbmBaseRate(
        BernoulliRbm model, Vec baseVisibleBias, double beta = 1.0, int maxDegreeOfParallelism = -1, bool singlePrecision = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseVisibleBias);
        var errors = NonNegativeBeta(beta);
        if (baseVisibleBias.Length != model.Visible)
            errors = errors.Add(AnnealingErrors.InvalidPath($"the base has {baseVisibleBias.Length} biases, the model {model.Visible} visible units"));
        for (var i = 0; i < baseVisibleBias.Length && errors.Count < 10; i++)
            if (!double.IsFinite(baseVisibleBias[i])) errors = errors.Add(AnnealingErrors.InvalidPath($"base bias {i} is {baseVisibleBias[i]}"));
        if (!errors.IsEmpty) return Fail<Error, AnnealingPath<RbmAnnealingState>>(errors);
        var kernels = new RbmPaths(model, baseVisibleBias, beta, maxDegreeOfParallelism, singlePrecision);
        return Success<Error, AnnealingPath<RbmAnnealingState>>(new AnnealingPath<RbmAnnealingState>(
            $"base-rate {model.Kind}",
            beta,
            model.Hidden * Math.Log(2.0) + BaseRate.LogPartition(baseVisibleBias),
            kernels.SampleBase,
            kernels.LogDensity,
            kernels.LogDensityDerivative,
            kernels.Move,
            s => s.Count,
            RbmPaths.Select));
    }
}
