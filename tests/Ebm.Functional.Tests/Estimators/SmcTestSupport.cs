using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Models with exact log Z and their annealing paths, shared by the SMC and linked importance sampling tests.</summary>
internal static class SmcTestSupport
{
    /// <summary>
    /// An 8-unit Boltzmann machine (seed 11, binary units, couplings scaled by <paramref name="couplingScale"/>) at
    /// <paramref name="beta"/>, with its exact log Z by enumeration.
    /// </summary>
    public static (AnnealingPath<DiscreteChains> Path, double LogZ) Machine(double beta = 1.0, double couplingScale = 1.0)
    {
        var model = BoltzmannRandom.Create(11, 8, StateConvention.Binary, couplingScale);
        var exact = Enumeration.Compute(model, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        return (Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b))), exact);
    }

    /// <summary>A harder machine for adaptive tempering: couplings scaled by 2, beta 3.</summary>
    public static (AnnealingPath<DiscreteChains> Path, double LogZ) SharpMachine() => Machine(3.0, 2.0);

    /// <summary>A 4 x 4 ferromagnetic Ising torus (J = 1, h = 0) at beta 0.3, with its exact log Z by Kaufman's formula.</summary>
    public static (AnnealingPath<IsingChains> Path, double LogZ) Torus()
    {
        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        const double beta = 0.3;
        var exact = Kaufman.Compute(torus, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        return (Valid(Paths.Tempered(torus, beta, b => Checkerboard.Create(torus, b, CheckerboardUpdate.HeatBath).Step)), exact);
    }

    /// <summary>
    /// A correlated 2-d Gaussian target (mean (1, -0.5), precision [[2, 0.6], [0.6, 1]]) bridged from the standard
    /// normal with HMC (h = 0.3, L = 5), with its exact log Z.
    /// </summary>
    public static (AnnealingPath<ContinuousChains> Path, double LogZ) Gaussian()
    {
        var target = GaussianModel.Create(Vec.Of(1.0, -0.5), Mat.From(2, 2, [2.0, 0.6, 0.6, 1.0]))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var reference = GaussianModel.Create(Vec.Of(0.0, 0.0), Mat.From(2, 2, [1.0, 0.0, 0.0, 1.0]))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var parameters = new HmcParams(0.3, 5, Vec.Filled(2, 1.0));
        var path = Valid(Paths.FromGaussian(target, 1.0, reference, m => Hmc.Factory(m, parameters)(1.0), evaluationsPerMove: 5));
        return (path, GaussianExact.Compute(target, 1.0).LogZ);
    }
}
