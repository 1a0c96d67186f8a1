using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Models, exact answers and paths shared by the annealing tests.</summary>
internal static class AnnealingTestModels
{
    /// <summary>The value of a validation known to succeed.</summary>
    public static T Valid<T>(Validation<Error, T> value) =>
        value.Match(x => x, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    /// <summary>The errors of a validation known to fail (empty when it succeeded).</summary>
    public static Seq<Error> Failures<T>(Validation<Error, T> value) => value.Match(_ => Seq<Error>.Empty, errors => errors);

    /// <summary>The value of a computation known to succeed.</summary>
    public static T Valid<T>(Fin<T> value) => value.Match(x => x, e => throw e.ToException());

    /// <summary>An L x L periodic Ising torus with coupling J and no field.</summary>
    public static IsingModel Torus(int size, double coupling = 1.0) =>
        Valid(IsingModel.Create(size, size, coupling, 0.0, Boundary.Periodic));

    /// <summary>The tempered path of an Ising lattice with Metropolis checkerboard sweeps.</summary>
    public static AnnealingPath<IsingChains> CheckerboardPath(IsingModel model, double beta) =>
        Valid(Paths.Tempered(model, beta, b => Checkerboard.Create(model, b, CheckerboardUpdate.Metropolis).Step));

    /// <summary>
    /// A Gaussian in d dimensions with mean mu_i = 0.5 sin(0.7 i) and precision P = D (I + rho C) D, C the cycle
    /// adjacency (rho = 0.2 keeps it diagonally dominant), D = diag(1 + 0.5 sin i): correlated, unequal scales.
    /// </summary>
    public static GaussianModel CorrelatedGaussian(int d)
    {
        var scale = new double[d];
        for (var i = 0; i < d; i++) scale[i] = 1.0 + 0.5 * Math.Sin(i);
        var precision = Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++)
            {
                p[i * d + i] = scale[i] * scale[i];
                if (d > 2)
                {
                    var j = (i + 1) % d;
                    p[i * d + j] += 0.2 * scale[i] * scale[j];
                    p[j * d + i] += 0.2 * scale[i] * scale[j];
                }
                else if (i == 0)
                {
                    p[1] = p[2] = 0.2 * scale[0] * scale[1];
                }
            }
        });
        return Valid(GaussianModel.Create(Vec.Create(d, m =>
        {
            for (var i = 0; i < d; i++) m[i] = 0.5 * Math.Sin(0.7 * i);
        }), precision));
    }

    /// <summary>The standard normal in d dimensions, times a variance.</summary>
    public static GaussianModel Isotropic(int d, double variance = 1.0, Vec? mean = null) =>
        Valid(GaussianModel.Create(mean ?? Vec.Filled(d, 0.0), Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++) p[i * d + i] = 1.0 / variance;
        })));

    /// <summary>Continuous chains at the given positions with energies and gradients of <paramref name="model"/>.</summary>
    public static ContinuousChains Chains(IContinuousModel model, Mat positions) => ContinuousKernel.Init(model, positions, -1);

    /// <summary>Exact, independent draws from p_beta of a tiny discrete model as chains.</summary>
    public static DiscreteChains ExactChains(RngKey key, int count, IDiscreteModel model, double beta) =>
        Valid(ExactDraws.DiscreteChains(key, count, model, beta));

    /// <summary>Exact log Z by enumeration.</summary>
    public static double EnumeratedLogZ(IDiscreteModel model, double beta) => Valid(Enumeration.Compute(model, beta)).LogZ;
}
