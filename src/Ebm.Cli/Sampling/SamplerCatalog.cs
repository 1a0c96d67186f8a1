using Ebm.Functional.Errors;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Sampling;

/// <summary>Runs one sampling job from a seed: the chains' starting points and the run both come from it.</summary>
internal delegate SampleOutcome SampleJob(ulong seed, RunSettings settings, IProgress<double>? progress);

/// <summary>
/// Which sampler names apply to which model kinds, and how each is built. Starting points come from
/// <see cref="ChainRunner.StartKey"/>: standard normal draws for continuous models, uniform random
/// states for discrete ones.
/// </summary>
internal static class SamplerCatalog
{
    /// <summary>Every sampler name the command accepts.</summary>
    public static readonly string[] Names =
        ["gibbs", "metropolis", "checkerboard", "wolff", "swendsen-wang", "block-gibbs", "langevin", "mala", "hmc", "pt"];

    /// <summary>The sampler names that apply to <paramref name="model"/>.</summary>
    public static string[] For(IEnergyModel model) => model switch
    {
        IContinuousModel => ["metropolis", "langevin", "mala", "hmc"],
        _ => [],
    };

    /// <summary>The job for <paramref name="request"/>, or an error naming the samplers that do apply.</summary>
    public static Fin<SampleJob> Resolve(IEnergyModel model, SampleRequest request)
    {
        var applicable = For(model);
        if (!applicable.Contains(request.Sampler))
            return FinFail<SampleJob>(CliErrors.InvalidOption("--sampler",
                applicable.Length == 0
                    ? $"no sampler is available for a {model.Kind} model yet"
                    : $"{request.Sampler} does not apply to a {model.Kind} model; use one of: {string.Join(", ", applicable)}"));
        return model switch
        {
            IContinuousModel continuous => FinSucc(Continuous(continuous, request)),
            _ => FinFail<SampleJob>(ExactErrors.NoExactMethod(model.Kind)),
        };
    }

    private static SampleJob Continuous(IContinuousModel model, SampleRequest r)
    {
        Func<ulong, Mat> start = seed => Mat.Create(r.Chains, model.Dimension, d => ChainRunner.StartKey(seed).Normal(d));
        return r.Sampler switch
        {
            "metropolis" => Job(RandomWalkMetropolis.Create(model, r.Beta, r.StepSize), start),
            "langevin" => Job(Langevin.Create(model, r.Beta, r.StepSize), start),
            "mala" => Job(Mala.Create(model, r.Beta, r.StepSize), start),
            _ => Job(Hmc.Create(model, r.Beta, r.StepSize, r.LeapfrogSteps), start),
        };
    }

    private static SampleJob Job<TInfo>(Sampler<Mat, ContinuousChains, TInfo> sampler, Func<ulong, Mat> start)
        where TInfo : IAcceptanceInfo =>
        (seed, settings, progress) =>
        {
            var run = ChainRunner.Run(seed, sampler, start(seed), settings, s => s.Energies, s => s.Positions, progress);
            return new SampleOutcome(run.Energies, run.Samples, run.AcceptanceRates);
        };
}
