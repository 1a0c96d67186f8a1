using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>What an estimator is run with: the model, the request, and where progress goes.</summary>
internal sealed record EstimationInput(IEnergyModel Model, LogzRequest Request, IProgress<double>? Progress)
{
    /// <summary>The root key of the run.</summary>
    public RngKey Key => RngKey.FromSeed(Request.Seed);

    /// <summary>Annealing progress as a fraction.</summary>
    public IProgress<AnnealingProgress>? Annealing => Progress is null ? null : new AnnealingFraction(Progress);

    private sealed class AnnealingFraction(IProgress<double> target) : IProgress<AnnealingProgress>
    {
        public void Report(AnnealingProgress value) => target.Report(value.Steps == 0 ? 1.0 : (double)value.Step / value.Steps);
    }
}

/// <summary>Every estimator of <c>ebm logz --method</c>, each a function from an <see cref="EstimationInput"/> to a <see cref="LogZEstimate"/>.</summary>
internal static class EstimatorCatalog
{
    /// <summary>The estimator names (exact is handled by the exact methods).</summary>
    public static readonly string[] Names = ["ais"];

    /// <summary>One line per estimator for the help text.</summary>
    public static string Summary =>
        "ais (annealed importance sampling, Neal 2001).";

    /// <summary>True for the estimators that run on an annealing path (and so take --kernel and --schedule).</summary>
    public static bool NeedsPath(string method) => method is "ais" or "reverse-ais" or "sandwich" or "smc" or "linked-is" or "ti";

    /// <summary>Runs the estimator called <paramref name="method"/>.</summary>
    public static Fin<LogZEstimate> Run(string method, EstimationInput input) => method switch
    {
        "ais" => PathCatalog.With(input.Model, input.Request, new AisUser(input)),
        _ => FinFail<LogZEstimate>(CliErrors.InvalidOption("--method", $"{method} is not an estimator")),
    };

    private sealed class AisUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack) =>
            ScheduleChoice.Fixed(input.Request.Schedule, input.Request.Steps)
                .Map(schedule => Ais.Run(pack.Path, schedule, input.Request.Particles, input.Key, input.Annealing));
    }
}
