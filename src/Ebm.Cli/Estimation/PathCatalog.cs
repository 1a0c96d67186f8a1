using Ebm.Functional.Annealing;
using Ebm.Functional.Catalogue;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Exact;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>An annealing path with the kernel it runs and, where the target can be drawn exactly, an exact sampler of it.</summary>
/// <typeparam name="TState">The particle batch.</typeparam>
/// <param name="Path">The path from a tractable base to p_beta.</param>
/// <param name="Kernel">The kernel's name, for reports.</param>
/// <param name="ExactTargetDraws">Exact draws from the target as a particle batch, or null.</param>
internal sealed record PathPack<TState>(AnnealingPath<TState> Path, string Kernel, Func<RngKey, int, TState>? ExactTargetDraws);

/// <summary>A computation over a path of any particle type (the path's state type is only known inside).</summary>
internal interface IPathUser<T>
{
    /// <summary>Runs on <paramref name="pack"/>.</summary>
    Fin<T> Use<TState>(PathPack<TState> pack);
}

/// <summary>
/// The annealing path of each model kind and the kernels that may drive it (the <see cref="KernelCatalog"/>'s table):
/// tempering from the uniform distribution for discrete models (heat-bath Gibbs by default; checkerboard Metropolis
/// for Ising lattices), the base-rate path of a Bernoulli RBM and the coupling path of a Gaussian-Bernoulli RBM (block
/// Gibbs), and the geometric bridge from a Gaussian reference for continuous ones (HMC by default).
/// </summary>
internal static class PathCatalog
{
    /// <summary>
    /// The --kernel words accepted, "auto" first: every kernel of the <see cref="KernelCatalog"/>, the words of
    /// <c>ebm sample --sampler</c>; one that samples the model but may not drive a path is refused with the catalogue's reason.
    /// </summary>
    public static readonly string[] Names = ["auto", .. KernelCatalog.Names];

    /// <summary>
    /// The kernel "auto" stands for, or the named one when it applies; an error naming the kernels that do (and, for a
    /// kernel that samples the model but may not drive a path, the catalogue's reason).
    /// </summary>
    public static Fin<string> ResolveKernel(IEnergyModel model, string method, string kernel)
    {
        var kernels = KernelCatalog.For(model);
        string[] applicable = [.. kernels.Annealing];
        if (applicable.Length == 0)
            return FinFail<string>(CliErrors.InvalidOption("--method",
                $"{method} needs an annealing path, and none is available for a {model.Kind} model; its log Z is exact: use --method exact"));
        if (method == "linked-is")
        {
            // Linked importance sampling needs reversible kernels (Neal 2005).
            string[] reversible = [.. kernels.ReversibleOnPath];
            if (reversible.Length == 0)
                return FinFail<string>(CliErrors.InvalidOption("--method",
                    $"linked-is needs a reversible kernel, and none drives the path of a {model.Kind} model ({string.Join(", ", applicable)} is only stationary); " +
                    "use ais, reverse-ais, sandwich, smc or ti"));
            if (kernel != "auto" && applicable.Contains(kernel) && !reversible.Contains(kernel))
                return FinFail<string>(CliErrors.InvalidOption("--kernel",
                    $"linked-is needs a reversible kernel; {kernels.Find(kernel).Map(k => k.Summary).IfNone(kernel)} is not (use {Listed(reversible)})"));
            applicable = reversible;
        }

        var chosen = kernel == "auto" ? applicable[0] : kernel;
        if (applicable.Contains(chosen)) return FinSucc(chosen);
        return FinFail<string>(CliErrors.InvalidOption("--kernel", kernels.Find(chosen).Bind(k => Optional(k.PathRefusal)).Match(
            refusal => $"{chosen} samples a {model.Kind} model but does not drive an annealing path: {refusal}; use one of: {string.Join(", ", applicable)}",
            () => $"{chosen} does not apply to a {model.Kind} model; use one of: {string.Join(", ", applicable)}")));
    }

    /// <summary>"a, b or c".</summary>
    private static string Listed(string[] names) =>
        names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    /// <summary>Builds the path for <paramref name="model"/> and hands it to <paramref name="user"/>; a reference pilot reports to <paramref name="pilotProgress"/>.</summary>
    public static Fin<T> With<T>(IEnergyModel model, LogzRequest request, IPathUser<T> user, IProgress<double>? pilotProgress = null) =>
        ResolveKernel(model, request.Method, request.Kernel).Bind(kernel =>
            request.DataPath is not null && !(model is BernoulliRbm && kernel == "block-gibbs")
                ? FinFail<T>(CliErrors.InvalidOption("--data", "data set the base-rate model of a Bernoulli RBM annealed by block-gibbs; this model and kernel do not use them"))
                : Build(model, request, kernel, user, pilotProgress));

    private static Fin<T> Build<T>(IEnergyModel model, LogzRequest request, string kernel, IPathUser<T> user, IProgress<double>? pilotProgress)
    {
        var beta = request.Beta;
        var exactDiscrete = model is IDiscreteModel d && KernelCatalog.ExactDrawSources(d).Contains(ExactDrawSource.Enumeration)
            ? (Func<RngKey, int, Mat>)((key, count) => ExactDraws.Discrete(key, count, d, beta).Match(m => m, e => throw new InvalidOperationException(e.Message)))
            : null;
        return model switch
        {
            BernoulliRbm rbm when kernel is "block-gibbs" => BaseRateBias(rbm, request).Bind(bias => Checked(Paths.RbmBaseRate(rbm, bias, beta), path => user.Use(new PathPack<RbmAnnealingState>(
                path, kernel,
                KernelCatalog.ExactDrawSources(rbm).Contains(ExactDrawSource.RbmHiddenLayer) ? (key, count) => RbmTargetDraws(rbm, key, count, beta) : null)))),
            GaussianBernoulliRbm gbrbm when kernel is "block-gibbs" =>
                Checked(Paths.GaussianBernoulliCoupling(gbrbm, beta), path => user.Use(new PathPack<RbmChains>(path, kernel, null))),
            IsingModel ising when kernel is "checkerboard" or "wolff" or "swendsen-wang" =>
                Checked(Paths.Tempered(ising, beta, LatticeKernel(ising, kernel)), path => user.Use(new PathPack<IsingChains>(path, kernel,
                    exactDiscrete is null ? null : (key, count) => IsingChains.FromStates(ising, exactDiscrete(key, count))))),
            IDiscreteModel discrete => Checked(Paths.Tempered(discrete, beta, b => KernelChoice.Discrete(kernel)(discrete, b)), path => user.Use(new PathPack<DiscreteChains>(
                path,
                kernel,
                exactDiscrete is null ? null : (key, count) =>
                {
                    var states = exactDiscrete(key, count);
                    return new DiscreteChains(states, discrete.Energies(states));
                }))),
            IContinuousModel continuous => Continuous(continuous, request, kernel, user, pilotProgress),
            _ => FinFail<T>(CliErrors.InvalidOption("--method", $"no annealing path for a {model.Kind} model")),
        };
    }

    /// <summary>
    /// The base model's visible biases: those computed from --data on the machine that read it (a worker's request carries
    /// them), the logits of the smoothed means of --data, or without data the RBM's own visible biases at beta (the RBM
    /// with W = 0 and c = 0).
    /// </summary>
    private static Fin<Vec> BaseRateBias(BernoulliRbm rbm, LogzRequest request)
    {
        if (request.BaseRateBias is { } shipped) return FinSucc(Vec.Of(shipped));
        if (request.DataPath is not { } path) return FinSucc(Vec.Create(rbm.Visible, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = request.Beta * rbm.VisibleBias[i];
        }));
        return DataBaseRate.VisibleBias(rbm, path);
    }

    // Draws of the same model have its width, so FromJoint cannot refuse them.
    private static RbmAnnealingState RbmTargetDraws(BernoulliRbm rbm, RngKey key, int count, double beta) =>
        RbmAnnealingState.FromJoint(rbm, RbmExactDraws.Sample(key, rbm, count, beta).Match(m => m, e => throw new InvalidOperationException(e.Message)))
            .Match(s => s, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>
    /// The geometric path from the reference model B (t = 0) to the model A (t = 1), both at beta, whose estimators
    /// give log(Z_A / Z_B). B must be drawn exactly: a discrete model of at most <see cref="KernelCatalog.EnumerationDrawUnits"/> units, a
    /// Bernoulli RBM with at most <see cref="RbmExactDraws.MaxHidden"/> hidden units, or a Gaussian. The kernels are
    /// heat-bath Gibbs or Metropolis (discrete) and HMC, MALA or random-walk Metropolis (continuous) on the bridge energy.
    /// </summary>
    public static Fin<T> Between<T>(IEnergyModel reference, IEnergyModel model, LogzRequest request, IPathUser<T> user)
    {
        var beta = request.Beta;
        var kernel = request.Kernel;
        switch (reference, model)
        {
            case (IDiscreteModel b, IDiscreteModel a) when a.Dimension == b.Dimension && a.States == b.States:
                Func<RngKey, int, Mat>? draws = b switch
                {
                    BernoulliRbm rbm when KernelCatalog.ExactDrawSources(rbm).Contains(ExactDrawSource.RbmHiddenLayer) =>
                        (key, count) => RbmExactDraws.Sample(key, rbm, count, beta).Match(m => m, e => throw new InvalidOperationException(e.Message)),
                    _ when KernelCatalog.ExactDrawSources(b).Contains(ExactDrawSource.Enumeration) =>
                        (key, count) => ExactDraws.Discrete(key, count, b, beta).Match(m => m, e => throw new InvalidOperationException(e.Message)),
                    _ => null,
                };
                if (draws is null) return FinFail<T>(VersusNotExact(reference));
                var discreteKernel = KernelChoice.Discrete(kernel);
                return Checked(Paths.Between(b, a, beta, draws, m => discreteKernel(m, 1.0)), path => user.Use(new PathPack<DiscreteChains>(path, kernel, null)));
            case (GaussianModel b, IContinuousModel a) when a.Dimension == b.Dimension:
                var continuous = KernelChoice.Continuous(kernel, request);
                return Checked(
                    Paths.Between(b, a, beta, (key, count) => ExactDraws.Gaussian(key, count, b, beta), m => continuous.AtBeta(m, 1.0), continuous.EvaluationsPerMove),
                    path => user.Use(new PathPack<ContinuousChains>(path, kernel, null)));
            case (IContinuousModel, IContinuousModel) when reference.Dimension == model.Dimension:
                return FinFail<T>(VersusNotExact(reference));
            default:
                return FinFail<T>(VersusCheck.Mismatch(reference, model));
        }
    }

    private static Error VersusNotExact(IEnergyModel reference) =>
        CliErrors.InvalidOption("--versus", $"the reference {reference.Kind} model ({reference.Dimension} variables) cannot be drawn exactly; " +
            $"use a discrete model of at most {KernelCatalog.EnumerationDrawUnits} units, a Bernoulli RBM with at most {RbmExactDraws.MaxHidden} hidden units, or a Gaussian");

    private static Func<double, KernelStep<IsingChains, IAcceptanceInfo>> LatticeKernel(IsingModel ising, string kernel) => kernel switch
    {
        "wolff" => b => Kernels.MapInfo(Wolff.Create(ising, b).Match(s => s.Step, e => throw new InvalidOperationException(e.Message)), i => (IAcceptanceInfo)i),
        "swendsen-wang" => b => Kernels.MapInfo(SwendsenWang.Create(ising, b).Match(s => s.Step, e => throw new InvalidOperationException(e.Message)), i => (IAcceptanceInfo)i),
        _ => b => Kernels.MapInfo(Checkerboard.Create(ising, b, CheckerboardUpdate.Metropolis).Step, i => (IAcceptanceInfo)i),
    };

    /// <summary>Exact draws of a Gaussian target at beta, as chains of the path's end (energies and gradients of E_1 = beta E).</summary>
    private static Func<RngKey, int, ContinuousChains> GaussianTargetDraws(GaussianModel model, GaussianModel reference, double beta) =>
        (key, count) =>
        {
            var end = new InterpolatedEnergy(reference, model, beta, 1.0);
            var positions = ExactDraws.Gaussian(key, count, model, beta);
            var d = model.Dimension;
            var gradients = Mat.Create(count, d, g =>
            {
                for (var r = 0; r < count; r++) end.EnergyGradient(positions.Row(r), g.Slice(r * d, d));
            });
            return new ContinuousChains(positions, end.Energies(positions), gradients);
        };

    private static Fin<T> Continuous<T>(IContinuousModel model, LogzRequest request, string kernel, IPathUser<T> user, IProgress<double>? pilotProgress)
    {
        var choice = KernelChoice.Continuous(kernel, request);
        return GaussianReference.For(model, request, pilotProgress).Bind(reference => Checked(
            Paths.FromGaussian(model, request.Beta, reference, m => choice.AtBeta(m, 1.0), choice.EvaluationsPerMove), path => user.Use(new PathPack<ContinuousChains>(
                path, kernel, model is GaussianModel gaussian ? GaussianTargetDraws(gaussian, reference, request.Beta) : null))));
    }

    // The request was checked before a path is built (beta, dimensions, base biases), so a path refused here is
    // reported with the factory's own message.
    private static Fin<T> Checked<TState, T>(Validation<Error, AnnealingPath<TState>> path, Func<AnnealingPath<TState>, Fin<T>> use) =>
        path.Match(use, errors => FinFail<T>(Error.Many(errors)));
}
