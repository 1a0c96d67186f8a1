using Ebm.Functional.Catalogue;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Langevin;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Mcmc.RandomWalk;
using Ebm.Cli.Output;

namespace Ebm.Cli.Sampling;

/// <summary>
/// Runs one sampling job from a seed: the chains' starting points and the run both come from it. Each kept step's
/// states go to <paramref name="sink"/> when there is one and are not kept.
/// </summary>
internal delegate SampleOutcome SampleJob(ulong seed, RunSettings settings, IProgress<double>? progress, KeptStepSink? sink);

/// <summary>
/// How each sampler of the <see cref="KernelCatalog"/> is built for <c>ebm sample</c> (which ones apply to which model
/// kinds is the catalogue's table, shared with <c>ebm logz</c>). Starting points come from
/// <see cref="ChainRunner.StartKey"/>: standard normal draws for continuous models, uniform random
/// states for discrete ones. "pt" runs heat-bath Gibbs (discrete models) or HMC (continuous models) at
/// every rung of a geometric ladder from beta / ratio to beta and reports the rung at the requested beta.
/// Every job records the model's <see cref="Observables"/> beside the energy.
/// </summary>
internal static class SamplerCatalog
{
    /// <summary>Every sampler name the command accepts: every kernel of the <see cref="KernelCatalog"/>.</summary>
    public static readonly string[] Names = [.. KernelCatalog.Names];

    /// <summary>The sampler names that apply to <paramref name="model"/>, as the <see cref="KernelCatalog"/> lists them.</summary>
    public static string[] For(IEnergyModel model) => [.. KernelCatalog.For(model).Sampling];

    /// <summary>The samplers that <c>--adapt</c> tunes (Stan's warm-up of the step size and diagonal mass).</summary>
    public static readonly string[] Adaptable = ["hmc", "nuts"];

    /// <summary>The job for <paramref name="request"/>, or an error naming the samplers that do apply.</summary>
    public static Fin<SampleJob> Resolve(IEnergyModel model, SampleRequest request)
    {
        var applicable = For(model);
        if (!applicable.Contains(request.Sampler))
            return FinFail<SampleJob>(CliErrors.InvalidOption("--sampler",
                applicable.Length == 0
                    ? $"no sampler is available for a {model.Kind} model yet"
                    : $"{request.Sampler} does not apply to a {model.Kind} model; use one of: {string.Join(", ", applicable)}"));
        var observables = Observables.For(model);
        return model switch
        {
            IContinuousModel continuous => Continuous(continuous, request, observables),
            IsingModel ising when request.Sampler is "checkerboard" or "wolff" or "swendsen-wang" => Lattice(ising, request, observables),
            BernoulliRbm rbm when request.Sampler == "block-gibbs" =>
                FinSucc(Job(observables, RbmBlockGibbs.Create(rbm, request.Beta), RandomStates(rbm, request.Chains), s => s.Energies, s => s.Joint())),
            GaussianBernoulliRbm gbrbm => FinSucc(Job(observables, GaussianBernoulliBlockGibbs.Create(gbrbm, request.Beta),
                seed => Mat.Create(request.Chains, gbrbm.Dimension, d =>
                {
                    var key = ChainRunner.StartKey(seed);
                    for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? 1.0 : 0.0;
                }),
                s => s.Energies, s => s.Joint())),
            IDiscreteModel discrete => Discrete(discrete, request, observables),
            ICategoricalModel categorical => Categorical(categorical, request, observables),
            _ => FinFail<SampleJob>(CliErrors.InvalidOption("--sampler", $"no sampler is available for a {model.Kind} model")),
        };
    }

    /// <summary>Uniformly random states in the model's convention, from the run's start key.</summary>
    private static Func<ulong, Mat> RandomStates(IDiscreteModel model, int chains)
    {
        var low = model.States == StateConvention.Spin ? -1.0 : 0.0;
        return seed => Mat.Create(chains, model.Dimension, d =>
        {
            var key = ChainRunner.StartKey(seed);
            for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? 1.0 : low;
        });
    }

    private static Fin<SampleJob> Discrete(IDiscreteModel model, SampleRequest r, Seq<Observable> observables)
    {
        var start = RandomStates(model, r.Chains);
        return r.Sampler switch
        {
            "metropolis" => FinSucc(Job(observables, SingleSiteMetropolis.Create(model, r.Beta), start, s => s.Energies, s => s.States)),
            "gibbs" => FinSucc(Job(observables, HeatBathGibbs.Create(model, r.Beta), start, s => s.Energies, s => s.States)),
            _ => Ladder.Geometric(r.Beta / r.BetaRatio, r.Beta, r.Rungs).Map(betas =>
                Job(observables, ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b), model, betas), start,
                    s => s.Coldest.Energies, s => s.Coldest.States)),
        };
    }

    private static Fin<SampleJob> Lattice(IsingModel model, SampleRequest r, Seq<Observable> observables)
    {
        var start = RandomStates(model, r.Chains);
        return r.Sampler switch
        {
            "checkerboard" => FinSucc(Job(observables, Checkerboard.Create(model, r.Beta, CheckerboardUpdate.Metropolis), start, s => s.Energies, s => s.ToStates())),
            "wolff" => Wolff.Create(model, r.Beta).Map(sampler => Job(observables, sampler, start, s => s.Energies, s => s.ToStates())),
            _ => SwendsenWang.Create(model, r.Beta).Map(sampler => Job(observables, sampler, start, s => s.Energies, s => s.ToStates())),
        };
    }

    /// <summary>Potts and clock lattices: the heat-bath checkerboard, the Potts cluster moves, and parallel tempering over the checkerboard; uniformly random starting values.</summary>
    private static Fin<SampleJob> Categorical(ICategoricalModel model, SampleRequest r, Seq<Observable> observables)
    {
        Func<ulong, Mat> start = seed => Mat.Create(r.Chains, model.Dimension, d =>
        {
            var key = ChainRunner.StartKey(seed);
            for (var j = 0; j < d.Length; j++) d[j] = Math.Min(model.Levels - 1, Math.Floor(key.UniformAt(j) * model.Levels));
        });
        return r.Sampler switch
        {
            "checkerboard" => PottsCheckerboard.Create(model, r.Beta).Map(sampler => Job(observables, sampler, start, s => s.Energies, s => s.ToStates())),
            "wolff" => PottsWolff.Create(model, r.Beta).Map(sampler => Job(observables, sampler, start, s => s.Energies, s => s.ToStates())),
            "swendsen-wang" => PottsSwendsenWang.Create(model, r.Beta).Map(sampler => Job(observables, sampler, start, s => s.Energies, s => s.ToStates())),
            _ => from betas in Ladder.Geometric(r.Beta / r.BetaRatio, r.Beta, r.Rungs)
                 from _ in PottsCheckerboard.Create(model, r.Beta)
                 select Job(observables,
                     ParallelTempering.Create(b => PottsCheckerboard.Create(model, b).Match(s => s.Step, e => throw new InvalidOperationException(e.Message)),
                         states => PottsChains.FromStates(model, states), betas, s => s.Energies, PottsChains.Gather),
                     start, s => s.Coldest.Energies, s => s.Coldest.ToStates()),
        };
    }

    private static Fin<SampleJob> Continuous(IContinuousModel model, SampleRequest r, Seq<Observable> observables)
    {
        Func<ulong, Mat> start = seed => Mat.Create(r.Chains, model.Dimension, d => ChainRunner.StartKey(seed).Normal(d));
        if (r.Adapt) return FinSucc(AdaptiveJobs.Create(model, r, observables, start));
        return r.Sampler switch
        {
            "nuts" => FinSucc(Job(observables, Nuts.Create(model, r.Beta, r.StepSize), start, s => s.Energies, s => s.Positions)),
            "metropolis" => FinSucc(Job(observables, RandomWalkMetropolis.Create(model, r.Beta, r.StepSize), start, s => s.Energies, s => s.Positions)),
            "langevin" => FinSucc(Job(observables, Langevin.Create(model, r.Beta, r.StepSize), start, s => s.Energies, s => s.Positions)),
            "mala" => FinSucc(Job(observables, Mala.Create(model, r.Beta, r.StepSize), start, s => s.Energies, s => s.Positions)),
            "hmc" => FinSucc(Job(observables, Hmc.Create(model, r.Beta, r.StepSize, r.LeapfrogSteps), start, s => s.Energies, s => s.Positions)),
            _ => Ladder.Geometric(r.Beta / r.BetaRatio, r.Beta, r.Rungs).Map(betas =>
                Job(observables, ParallelTempering.Create(b => Hmc.Create(model, b, r.StepSize, r.LeapfrogSteps).Step,
                        Hmc.Create(model, r.Beta, r.StepSize, r.LeapfrogSteps).Init, betas, s => s.Energies, ChainGathers.Continuous),
                    start, s => s.Coldest.Energies, s => s.Coldest.Positions)),
        };
    }

    private static SampleJob Job<TState, TInfo>(
        Seq<Observable> observables, Sampler<Mat, TState, TInfo> sampler, Func<ulong, Mat> start, Func<TState, Vec> energies, Func<TState, Mat> samples)
        where TInfo : IAcceptanceInfo =>
        (seed, settings, progress, sink) =>
        {
            var tally = new TrajectoryTally();
            var run = ChainRunner.Run(seed, sampler, start(seed), settings, energies,
                s => Observables.Evaluate(observables, samples(s)),
                sink is null ? null : (t, s) => sink(t, energies(s), samples(s)),
                progress, (_, info) => tally.Add(info));
            return new SampleOutcome(run.Traces, run.AcceptanceRates, observables, Trajectories: tally.Report());
        };
}
