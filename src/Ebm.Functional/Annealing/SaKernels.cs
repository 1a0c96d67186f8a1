using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The kernels simulated annealing runs: single-site Metropolis and heat-bath Gibbs on any <see cref="IDiscreteModel"/>, the checkerboard and single-site heat baths and single-site Metropolis on Potts and clock lattices,
/// the checkerboard sweep on an Ising lattice, and any sampler family given as a factory beta -&gt; sampler.
/// </summary>
/// <remarks>
/// Each kernel runs one chain per restart on one thread: <see cref="SimulatedAnnealing"/> runs the
/// restarts in parallel, so the kernels' own parallelism over chains would only add overhead. A kernel is one sweep:
/// n single-site updates, or one update of every site of every colour.
/// </remarks>
public static class SaKernels
{
    /// <summary>The names of the library's annealing kernels, the default first.</summary>
    public static Seq<string> Names { get; } = LanguageExt.Prelude.Seq(SingleSiteMetropolis.Name, HeatBathGibbs.Name, CheckerboardName);

    /// <summary>The name of <see cref="Checkerboard"/>.</summary>
    public const string CheckerboardName = "checkerboard";

    /// <summary>Random-scan single-site Metropolis (<see cref="SingleSiteMetropolis"/>) at each beta.</summary>
    public static SaKernel<DiscreteChains, MetropolisInfo> Metropolis(IDiscreteModel model, ScanOrder order = ScanOrder.Random) =>
        new(SingleSiteMetropolis.Name,
            states => SingleSiteMetropolis.Create(model, 0.0, order, 1).Init(states),
            beta => SingleSiteMetropolis.BuildKernel(model, beta, order, 1),
            s => s.Energies,
            s => s.States);

    /// <summary>
    /// Single-site Metropolis on a Boltzmann machine with cached local fields (<see cref="SaLocalFieldMetropolis"/>): the
    /// kernel of <see cref="Metropolis(IDiscreteModel, ScanOrder)"/> with O(1) work per rejected flip; what <c>ebm anneal</c> runs on dense machines.
    /// </summary>
    public static SaKernel<SaFieldChains, MetropolisInfo> MetropolisWithFields(BoltzmannMachine model, ScanOrder order = ScanOrder.Random) =>
        new(SingleSiteMetropolis.Name,
            states => SaLocalFieldMetropolis.Init(model, states),
            beta => SaLocalFieldMetropolis.BuildKernel(model, beta, order),
            s => s.Energies,
            s => s.States);

    /// <summary>Random-scan single-site heat-bath Gibbs (<see cref="HeatBathGibbs"/>) at each beta.</summary>
    public static SaKernel<DiscreteChains, HeatBathInfo> HeatBath(IDiscreteModel model, ScanOrder order = ScanOrder.Random) =>
        new(HeatBathGibbs.Name,
            states => HeatBathGibbs.Create(model, 0.0, order, 1).Init(states),
            beta => HeatBathGibbs.BuildKernel(model, beta, order, 1),
            s => s.Energies,
            s => s.States);

    /// <summary>
    /// Checkerboard sweeps of an Ising lattice (<see cref="Mcmc.Lattice.Checkerboard"/>), Metropolis or heat bath, over
    /// one neighbour table shared by every beta; energies are exact integers' images, so they never drift.
    /// </summary>
    public static SaKernel<IsingChains, CheckerboardInfo> Checkerboard(IsingModel model, CheckerboardUpdate update = CheckerboardUpdate.Metropolis) =>
        new(CheckerboardName,
            states => IsingChains.FromStates(model, states),
            Mcmc.Lattice.Checkerboard.AtEveryBeta(model, update, 1),
            s => s.Energies,
            s => s.ToStates());

    /// <summary>
    /// Heat-bath checkerboard sweeps of a q-state Potts or clock lattice (<see cref="PottsCheckerboard"/>), for
    /// <see cref="SimulatedAnnealing.Run{TState, TInfo}(Prng.RngKey, ICategoricalModel, SaKernel{TState, TInfo}, CoolingSchedule, SaSettings, IProgress{double}?)"/>;
    /// energies are exact integer counts' images; <see cref="HeatBath(ICategoricalModel, ScanOrder)"/> is the single-site
    /// heat bath. Fails as <see cref="PottsCheckerboard.Create"/> does for a model that is not one of those lattices.
    /// </summary>
    public static Validation<Error, SaKernel<PottsChains, CheckerboardInfo>> HeatBath(ICategoricalModel model) =>
        PottsCheckerboard.Create(model, 0.0, 1).Match(
            Succ: reference => Validation<Error, SaKernel<PottsChains, CheckerboardInfo>>.Success(new SaKernel<PottsChains, CheckerboardInfo>(
                reference.Name,
                states => PottsChains.FromStates(model, states),
                // Every beta of a validated schedule is finite, the only other condition Create checks.
                beta => PottsCheckerboard.CheckedStep(model, beta, 1),
                s => s.Energies,
                s => s.ToStates())),
            Fail: error => Validation<Error, SaKernel<PottsChains, CheckerboardInfo>>.Fail(LanguageExt.Prelude.Seq1(error)));

    /// <summary>
    /// Single-site heat bath on a q-state Potts or clock lattice, random scan or systematic sweep: each update draws a site's
    /// value from its exact conditional given its neighbours (<see cref="SaCategoricalHeatBath"/>), for the categorical
    /// <see cref="SimulatedAnnealing.Run{TState, TInfo}(Prng.RngKey, ICategoricalModel, SaKernel{TState, TInfo}, CoolingSchedule, SaSettings, IProgress{double}?)"/>;
    /// energies are exact integer counts' images. <see cref="HeatBath(ICategoricalModel)"/> (no scan order) is the
    /// checkerboard heat bath instead. Fails with <see cref="PottsLatticeErrors.NotALattice"/> for a model that is not one
    /// of those lattices.
    /// </summary>
    public static Validation<Error, SaKernel<PottsChains, HeatBathInfo>> HeatBath(ICategoricalModel model, ScanOrder order) =>
        CategoricalTerms.Of(model) is null
            ? Validation<Error, SaKernel<PottsChains, HeatBathInfo>>.Fail(LanguageExt.Prelude.Seq1(PottsLatticeErrors.NotALattice(model.Kind)))
            : Validation<Error, SaKernel<PottsChains, HeatBathInfo>>.Success(new SaKernel<PottsChains, HeatBathInfo>(
                SaCategoricalHeatBath.Name,
                states => SaCategoricalHeatBath.Init(model, states),
                beta => SaCategoricalHeatBath.BuildKernel(model, beta, order),
                s => s.Energies,
                s => s.ToStates()));

    /// <summary>
    /// Random-scan (or systematic) single-site Metropolis on a q-state Potts or clock lattice, proposing a uniformly drawn
    /// other value (<see cref="SaCategoricalMetropolis"/>), for the categorical
    /// <see cref="SimulatedAnnealing.Run{TState, TInfo}(Prng.RngKey, ICategoricalModel, SaKernel{TState, TInfo}, CoolingSchedule, SaSettings, IProgress{double}?)"/>;
    /// energies are exact integer counts' images. Fails with <see cref="PottsLatticeErrors.NotALattice"/> for a model that is
    /// not one of those lattices.
    /// </summary>
    public static Validation<Error, SaKernel<PottsChains, MetropolisInfo>> Metropolis(ICategoricalModel model, ScanOrder order = ScanOrder.Random) =>
        CategoricalTerms.Of(model) is null
            ? Validation<Error, SaKernel<PottsChains, MetropolisInfo>>.Fail(LanguageExt.Prelude.Seq1(PottsLatticeErrors.NotALattice(model.Kind)))
            : Validation<Error, SaKernel<PottsChains, MetropolisInfo>>.Success(new SaKernel<PottsChains, MetropolisInfo>(
                SaCategoricalMetropolis.Name,
                states => SaCategoricalMetropolis.Init(model, states),
                beta => SaCategoricalMetropolis.BuildKernel(model, beta, order),
                s => s.Energies,
                s => s.ToStates()));

    /// <summary>
    /// Any sampler family as an annealing kernel: <paramref name="atBeta"/> builds the sampler of p_beta; its
    /// <see cref="Sampler{TPosition,TState,TInfo}.Init"/> at beta = 0 builds the state (Init caches energies, which do
    /// not depend on beta).
    /// </summary>
    public static SaKernel<TState, TInfo> FromSamplers<TState, TInfo>(
        Func<double, Sampler<Mat, TState, TInfo>> atBeta, Func<TState, Vec> energies, Func<TState, Mat> states)
    {
        ArgumentNullException.ThrowIfNull(atBeta);
        var reference = atBeta(0.0);
        return new SaKernel<TState, TInfo>(reference.Name, reference.Init, beta => atBeta(beta).Step, energies, states);
    }
}
