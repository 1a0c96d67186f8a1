using System.Diagnostics;
using System.Globalization;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Annealing;

/// <summary>Runs <c>ebm anneal</c>: load the problem, build the schedule, check the cost, anneal, compare, write, print.</summary>
internal static class AnnealRun
{
    /// <summary>The options that set the cost of a run.</summary>
    public const string Levers = "--sweeps, --cycles or --restarts";

    /// <summary>The --kernel values: auto picks checkerboard for an ising, potts or clock lattice and metropolis otherwise.</summary>
    public static readonly string[] Kernels = ["auto", .. SaKernels.Names];

    /// <summary>Most sweeps per restart (--sweeps times --cycles): the schedule holds one temperature per sweep.</summary>
    public const long MaxSweepsPerRestart = 10_000_000;

    /// <summary>Default T1 is T0 divided by this.</summary>
    public const double CoolingRatio = 100.0;

    public static int Run(CliContext context, AnnealRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome =
            from problem in AnnealProblems.Load(request)
            from length in ScheduleLength(request)
            from temperatures in Temperatures(request, problem)
            from schedule in ToFin(CoolingSchedule.Named(request.Schedule, temperatures.T0, temperatures.T1, request.Sweeps).Bind(s => s.Reheated(request.Cycles)))
            from settings in ToFin(new SaSettings(request.Restarts).Validate())
            from kernel in KernelName(request.Kernel, problem.Model)
            from cost in RunBudget.Check(Cost(problem, schedule, settings), request.Force, Levers)
            from result in ProgressDisplay.Run(context, "anneal", p => Anneal(kernel, problem.Model, request.Seed, schedule, settings, p))
            let ground = AnnealGround.Find(problem)
            select new AnnealOutcome(problem, temperatures.T0, temperatures.T1, result, ground, cost);
        var seconds = clock.Elapsed.TotalSeconds;

        return outcome.Bind(o => WriteFiles(context, request, o)).Match(
            Succ: o =>
            {
                context.Out.WriteLine(request.Json ? AnnealReport.Json(o, request, seconds) : AnnealReport.Text(o, request, seconds));
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    private static Fin<long> ScheduleLength(AnnealRequest request)
    {
        var sweeps = (long)request.Sweeps * request.Cycles;
        return sweeps <= MaxSweepsPerRestart
            ? FinSucc(sweeps)
            : FinFail<long>(AnnealErrors.OptionOutOfRange("--sweeps", $"{request.Sweeps} sweeps x {request.Cycles} cycles is more than {MaxSweepsPerRestart.ToString("N0", CultureInfo.InvariantCulture)} sweeps per restart"));
    }

    private static Fin<(double T0, double T1)> Temperatures(AnnealRequest request, AnnealProblem problem)
    {
        var t0 = request.T0 is { } given ? Some(given) : problem.TemperatureScale();
        return t0.Match(
            Some: start => FinSucc((start, request.T1 ?? start / CoolingRatio)),
            None: () => FinFail<(double, double)>(AnnealErrors.TemperaturesNeeded(problem.Kind)));
    }

    /// <summary>
    /// The kernel a --kernel value runs on <paramref name="model"/>: auto is the checkerboard on a lattice (ising, potts,
    /// clock) and metropolis otherwise; the checkerboard needs a lattice. Metropolis and the single-site heat bath (gibbs)
    /// run on every model the command loads.
    /// </summary>
    private static Fin<string> KernelName(string kernel, IEnergyModel model) => kernel switch
    {
        "auto" => FinSucc(model is IsingModel or ICategoricalModel ? SaKernels.CheckerboardName : SaKernels.Names.Head),
        SaKernels.CheckerboardName when model is not (IsingModel or ICategoricalModel) =>
            FinFail<string>(AnnealErrors.KernelDoesNotApply(kernel, model.Kind, "the checkerboard sweeps ising, potts and clock lattices; use metropolis or gibbs")),
        _ => FinSucc(kernel),
    };

    private static RunCost Cost(AnnealProblem problem, CoolingSchedule schedule, SaSettings settings)
    {
        var n = problem.Model.Dimension;
        var sweeps = (double)settings.Restarts * schedule.Sweeps;
        var traceBytes = 8.0 * settings.Restarts * Math.Min(schedule.Sweeps, settings.TracePoints);
        var anneal = CostPart.Of("annealing sweeps", sweeps, n, traceBytes + 16.0 * settings.Restarts * n);
        return AnnealGround.Applies(problem)
            ? RunCost.Of(anneal, CostPart.Of("ground state by enumeration", Math.Pow(problem.Levels, n), 1, 8.0 * n))
            : RunCost.Of(anneal);
    }

    private static Fin<SaResult> Anneal(string kernel, IEnergyModel model, ulong seed, CoolingSchedule schedule, SaSettings settings, IProgress<double> progress) =>
        model switch
        {
            ICategoricalModel categorical => AnnealCategorical(kernel, categorical, seed, schedule, settings, progress),
            IDiscreteModel discrete => AnnealBinary(kernel, discrete, seed, schedule, settings, progress),
            _ => FinFail<SaResult>(AnnealErrors.NotBinary(model.Kind)),
        };

    /// <summary>
    /// A Potts or clock lattice: the heat-bath checkerboard (reported as the checkerboard, the --kernel that runs it), the
    /// random-scan single-site heat bath, or single-site Metropolis proposing a uniformly drawn other value.
    /// </summary>
    private static Fin<SaResult> AnnealCategorical(
        string kernel, ICategoricalModel model, ulong seed, CoolingSchedule schedule, SaSettings settings, IProgress<double> progress)
    {
        var key = RngKey.FromSeed(seed);
        return ToFin(kernel switch
        {
            SaKernels.CheckerboardName =>
                SaKernels.HeatBath(model).Bind(k => SimulatedAnnealing.Run(key, model, k with { Name = SaKernels.CheckerboardName }, schedule, settings, progress)),
            HeatBathGibbs.Name => SaKernels.HeatBath(model, ScanOrder.Random).Bind(k => SimulatedAnnealing.Run(key, model, k, schedule, settings, progress)),
            _ => SaKernels.Metropolis(model).Bind(k => SimulatedAnnealing.Run(key, model, k, schedule, settings, progress)),
        });
    }

    private static Fin<SaResult> AnnealBinary(string kernel, IDiscreteModel model, ulong seed, CoolingSchedule schedule, SaSettings settings, IProgress<double> progress)
    {
        var key = RngKey.FromSeed(seed);
        return ToFin(kernel switch
        {
            SaKernels.CheckerboardName => SimulatedAnnealing.Run(key, model, SaKernels.Checkerboard((IsingModel)model), schedule, settings, progress),
            HeatBathGibbs.Name => SimulatedAnnealing.Run(key, model, SaKernels.HeatBath(model), schedule, settings, progress),
            _ when model is BoltzmannMachine machine => SimulatedAnnealing.Run(key, model, SaKernels.MetropolisWithFields(machine), schedule, settings, progress),
            _ => SimulatedAnnealing.Run(key, model, SaKernels.Metropolis(model), schedule, settings, progress),
        });
    }

    private static Fin<AnnealOutcome> WriteFiles(CliContext context, AnnealRequest request, AnnealOutcome outcome) =>
        CommandFiles.WriteAll(context,
            (request.State, o => o.WriteAllText(AnnealReport.StateFile(outcome, request.Seed))),
            (request.Plot, o => o.WriteAllBytes(AnnealPlot.RenderPng(outcome.Result.TraceSweeps, outcome.Result.Trace,
                outcome.Ground.Case is AnnealGround g ? g.Energy : null, AnnealReport.Title(outcome, request.Seed)))))
        .Map(_ => outcome);

    private static Fin<T> ToFin<T>(Validation<Error, T> validation) =>
        validation.Match(FinSucc, errors => FinFail<T>(Error.Many(errors)));
}
