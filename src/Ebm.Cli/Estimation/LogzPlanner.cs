using Ebm.Cli.Cost;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The planning stage of <c>ebm logz</c>: loads the models, resolves the kernel each estimator runs (from the
/// <see cref="Functional.Catalogue.KernelCatalog"/>, through <see cref="PathCatalog"/> and <see cref="ProposalCatalog"/>),
/// states the cost and checks it against the budget, all before any estimator runs; and decides when the exact value
/// is cheap enough to print beside an estimate.
/// </summary>
internal static class LogzPlanner
{
    /// <summary>Models with at most this many discrete units (or RBM layers this small) get the exact value beside an estimate.</summary>
    public const int ExactBesideUnits = 22;

    /// <summary>The plan of one estimate of <c>request.Method</c> on the model file at <paramref name="path"/>.</summary>
    public static Fin<LogzPlan> Estimate(string path, LogzRequest request, bool force) =>
        from model in ModelFile.Load(path)
        from loaded in LoadReference(request)
        from _ in VersusCheck.SameStateSpace(model, loaded.Model)
        from resolved in Resolve(model, request, loaded.Model)
        from cost in EstimatorCost.For(model, resolved, loaded.Model).Bind(c => RunBudget.Check(c, force, EstimatorCost.Levers))
        select new LogzPlan(model, loaded.Model, resolved, cost);

    /// <summary>The plan of <c>--compare</c>: every estimator at the request's particles and steps.</summary>
    public static Fin<ComparePlan> Compare(string path, LogzRequest request, bool force) =>
        from model in ModelFile.Load(path)
        from loaded in LoadReference(request)
        from _ in VersusCheck.SameStateSpace(model, loaded.Model)
        from cost in RunBudget.Check(CompareCost(model, request, loaded.Model), force, EstimatorCost.Levers)
        select new ComparePlan(model, loaded.Model, request,
            EstimatorCatalog.Names.ToSeq().Map(method => (method, Resolve(model, request with { Method = method }, loaded.Model))), cost);

    /// <summary>The cost of every estimator that applies (those that do not are not run).</summary>
    public static RunCost CompareCost(IEnergyModel model, LogzRequest request, IEnergyModel? reference) =>
        EstimatorCatalog.Names.Aggregate(RunCost.Of(), (total, method) =>
            Resolve(model, request with { Method = method }, reference)
                .Bind(resolved => EstimatorCost.For(model, resolved, reference))
                .Match(c => total.Then(c.Prefixed(method)), _ => total));

    /// <summary>The reference model of --versus (null inside when the option is absent).</summary>
    public static Fin<ReferenceModel> LoadReference(LogzRequest request) =>
        request.VersusPath is { } other ? ModelFile.Load(other).Map(m => new ReferenceModel(m)) : FinSucc(new ReferenceModel(null));

    /// <summary>The model of --versus, if one was given.</summary>
    public sealed record ReferenceModel(IEnergyModel? Model);

    /// <summary>The exact result when the model is small enough for it to be cheap, else null.</summary>
    public static ExactResult? ExactBeside(IEnergyModel model, double beta)
    {
        var cheap = model switch
        {
            BernoulliRbm rbm => Math.Min(rbm.Visible, rbm.Hidden) <= ExactBesideUnits,
            IsingModel => true,
            IDiscreteModel discrete => discrete.Dimension <= ExactBesideUnits,
            _ => true,
        };
        return cheap ? LogPartition.Exact(model, beta).Match(r => r, _ => (ExactResult?)null) : null;
    }

    /// <summary>The exact log Z (or, with a reference model, the exact log(Z_A / Z_B)) when it is cheap, else null.</summary>
    public static ExactResult? ExactBeside(IEnergyModel model, double beta, IEnergyModel? reference)
    {
        var exact = ExactBeside(model, beta);
        if (reference is null || exact is null) return exact;
        return ExactBeside(reference, beta) is { } b ? exact with { LogZ = exact.LogZ - b.LogZ, Method = $"{exact.Method} minus {b.Method}" } : null;
    }

    /// <summary>The request with "auto" replaced by the kernel it stands for (under --versus: the kernels of the bridge energy).</summary>
    public static Fin<LogzRequest> Resolve(IEnergyModel model, LogzRequest request, IEnergyModel? reference)
    {
        if (reference is not null && EstimatorCatalog.NeedsPath(request.Method))
        {
            var kernels = ProposalCatalog.BridgeKernels(model);
            var chosen = request.Kernel == "auto" && kernels.Length > 0 ? kernels[0] : request.Kernel;
            return kernels.Contains(chosen)
                ? FinSucc(request with { Kernel = chosen })
                : FinFail<LogzRequest>(CliErrors.InvalidOption("--kernel", $"annealing between two models runs {string.Join(", ", kernels)}, not {chosen}"));
        }

        return Resolve(model, request);
    }

    /// <summary>The request with "auto" replaced by the kernel it stands for.</summary>
    public static Fin<LogzRequest> Resolve(IEnergyModel model, LogzRequest request)
    {
        if (EstimatorCatalog.NeedsPath(request.Method))
            return PathCatalog.ResolveKernel(model, request.Method, request.Kernel).Map(k => request with { Kernel = k });
        if (!EstimatorCatalog.NeedsTargetKernel(request.Method)) return FinSucc(request with { Kernel = "none" });
        var applicable = ProposalCatalog.BridgeKernels(model);
        var chosen = request.Kernel == "auto" && applicable.Length > 0 ? applicable[0] : request.Kernel;
        return applicable.Contains(chosen)
            ? FinSucc(request with { Kernel = chosen })
            : FinFail<LogzRequest>(applicable.Length == 0
                ? CliErrors.InvalidOption("--method", $"{request.Method} is not available for a {model.Kind} model; its log Z is exact: use --method exact")
                : CliErrors.InvalidOption("--kernel", $"{request.Method} runs {string.Join(", ", applicable)} on a {model.Kind} model, not {chosen}"));
    }
}
