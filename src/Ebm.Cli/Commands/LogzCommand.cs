using System.CommandLine;
using System.Diagnostics;
using Ebm.Cli.Cost;
using Ebm.Cli.Estimation;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Plots;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm logz MODEL.json [--method exact|is|ais|reverse-ais|sandwich|smc|bridge|linked-is|ti] [--particles N]
/// [--steps K] [--schedule S] [--kernel K] [--data DATA] [--beta B] [--seed S] [--json] [--plot FILE.png] [--compare]</c>:
/// the options, their checks, and the choice of run (<see cref="LogzExactRun"/>, <see cref="EstimateRun"/> or
/// <see cref="CompareRun"/>, each planning its work with <see cref="LogzPlanner"/> before it runs and reports).
/// </summary>
internal static class LogzCommand
{
    /// <summary>Most particles accepted.</summary>
    public const int MaxParticles = 10_000_000;

    /// <summary>Most annealing steps accepted.</summary>
    public const int MaxSteps = 100_000_000;

    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var methods = new[] { "exact" }.Concat(EstimatorCatalog.Names).ToArray();
        var method = new System.CommandLine.Option<string>("--method", "-m")
        {
            Description = "How to compute log Z. exact: an exact method (enumeration, RBM layer sum, Kaufman, transfer matrix, closed form or quadrature; " +
                          "exit code 2 when the model is too large). Estimators, each with a standard error and warnings: " + EstimatorCatalog.Summary,
            DefaultValueFactory = _ => "exact",
            HelpName = "METHOD",
        }.OneOf(methods);
        var exactMethod = CommonOptions.ExactMethod();
        var beta = RealOption.Create("--beta",
            "Inverse temperature beta >= 0 (a Gaussian and the estimators need beta > 0): p(x) is proportional to exp(-beta E(x)).", 1.0, "B", "-b");
        var particles = WholeOption.Create("--particles", "Particles (independent draws or chains) N.", 100, "N");
        var steps = WholeOption.Create("--steps", "Annealing steps K (or points of the thermodynamic-integration ladder).", 1000, "K");
        var schedule = new System.CommandLine.Option<string>("--schedule")
        {
            Description = "Annealing schedule: linear, geometric, sigmoid, adaptive (a pilot run places the points so that each step keeps the " +
                          "conditional ESS at its target), salakhutdinov-murray (14,500 steps), or FILE: the points 0 = t_0 < ... < t_K = 1, separated by " +
                          "commas, spaces or line breaks.",
            DefaultValueFactory = _ => "linear",
            HelpName = "linear|geometric|sigmoid|adaptive|FILE",
        };
        var kernel = new System.CommandLine.Option<string>("--kernel", "-k")
        {
            Description = "The MCMC kernel at each intermediate distribution. auto: block-gibbs for RBMs, checkerboard for Ising lattices, gibbs for " +
                          "other discrete models, hmc for continuous ones. A kernel that does not apply to the model is an error.",
            DefaultValueFactory = _ => "auto",
            HelpName = "KERNEL",
        }.OneOf(PathCatalog.Names);
        var data = new System.CommandLine.Option<string?>("--data")
        {
            Description = "Binary data (one visible vector per line, values 0/1 separated by commas or spaces) for the RBM base-rate model: " +
                          "the base's visible biases are the logits of the smoothed data means.",
            HelpName = "DATA",
        };
        var seed = WholeOption.Create("--seed", "Seed of every random number of the run; printed with the result.", LogzRequest.DefaultSeed, "S");
        var stepSize = RealOption.Create("--step-size", "Step size of continuous kernels (hmc, mala, metropolis).", 0.2, "e");
        var leapfrog = WholeOption.Create("--leapfrog-steps", "Leapfrog steps per HMC trajectory.", 10, "L");
        var referenceScale = RealOption.Optional("--reference-scale",
            "Continuous models: start the path (and draw the is/bridge proposal) from N(0, s^2 I), " +
            $"{GaussianReference.MinScale:0e0} <= s <= {GaussianReference.MaxScale:0e0}. Without it the reference is " +
            "a diagonal Gaussian moment matched to a short HMC pilot at the target (16 chains, 400 steps, its own key), " +
            "each standard deviation widened 1.5 times.", "s");
        var resampling = new System.CommandLine.Option<string>("--resampling")
        {
            Description = "SMC resampling scheme: multinomial, systematic, stratified or residual.",
            DefaultValueFactory = _ => "systematic",
            HelpName = "SCHEME",
        }.OneOf(ResamplingChoice.Names);
        var essThreshold = RealOption.Create("--ess-threshold",
            "SMC resamples when the weight ESS falls below this fraction of the particles (0: never, 1: every step).", 0.5, "f");
        var repetitions = WholeOption.Create("--repetitions", "SMC: independent runs sharing --particles; their spread is the standard error.", 8, "R");
        var targetCess = RealOption.Optional("--target-cess",
            "Adaptive tempering (--schedule adaptive): the conditional ESS each step keeps, as a fraction of the particles. " +
            "[default: 0.9 for smc, 0.995 for the pilot run that places AIS, reverse-ais and sandwich schedules]", "f");
        var versus = new System.CommandLine.Option<string?>("--versus")
        {
            Description = "Estimate log(Z_A / Z_B) of MODEL.json (A) against the reference model file B by annealing from B to A (ais, reverse-ais, " +
                          "sandwich, smc, linked-is, ti). B must be drawn exactly: a discrete model of at most 20 units, an RBM with at most " +
                          "24 hidden units, or a Gaussian; both share one state space. With --method exact, the exact difference.",
            HelpName = "B.json",
        };
        var json = CommonOptions.Json("the result (method, beta, logZ, standardError, errorSource, confidenceInterval, ess, warnings, seed, exact, ...)");
        var plot = new OutputOption("--plot", OutputFormat.Png)
        {
            Description = "Estimators only: draw the log-weight distribution and the running estimate along the path into a PNG " +
                          "(refused with --method exact, which has neither, and with --compare; ebm thermo --plot draws exact curves).",
            HelpName = "FILE.png",
        };
        var compare = new System.CommandLine.Option<bool>("--compare")
        {
            Description = "Run every estimator that applies to the model at about equal cost (the particles and steps of AIS; importance and bridge " +
                          "sampling get as many proposal draws as AIS spends energy evaluations) and print a table " +
                          "(estimate, error, time, energy evaluations, and the exact value where known).",
        };
        var noExact = new System.CommandLine.Option<bool>("--no-exact")
        {
            Description = "Estimators: do not compute the exact log Z beside the estimate even when the model is small enough.",
        };
        var force = CommonOptions.Force();
        var cluster = ClusterOptions.Create(
            "the estimator's blocks of particles (ais, reverse-ais, sandwich) or its repetitions (smc)", "in the report (a cluster line; a cluster object in --json)");

        var command = new Command("logz", "Compute log Z(beta) of a model file: exactly (with U, F, S and C), or by an estimator with its standard error, " +
                                          "weight diagnostics and warnings.")
        {
            model, method, exactMethod, beta, particles, steps, schedule, kernel, data, seed, stepSize, leapfrog, referenceScale,
            resampling, essThreshold, repetitions, targetCess, versus, json, plot, compare, noExact, force,
        };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var request = new LogzRequest(parse.GetRequiredValue(method), parse.GetValue(particles), parse.GetValue(steps),
                parse.GetRequiredValue(schedule), parse.GetRequiredValue(kernel), parse.GetValue(data), parse.GetValue(beta),
                parse.GetValue(seed), parse.GetValue(stepSize), parse.GetValue(leapfrog), parse.GetValue(referenceScale),
                parse.GetRequiredValue(resampling), parse.GetValue(essThreshold), parse.GetValue(repetitions), parse.GetValue(targetCess) ?? double.NaN,
                parse.GetValue(versus));
            var path = parse.GetRequiredValue(model);
            var files = CommandFiles.Check(context, parse, ("MODEL.json", path), ("--data", request.DataPath), ("--versus", request.VersusPath),
                ("--schedule", ScheduleChoice.Names.Contains(request.Schedule) ? null : request.Schedule));
            var target = cluster.Target(parse);
            var problems = Check(request, parse.GetValue(compare)).Concat(EstimatePlotRule.Check(parse.GetValue(plot), request.Method, parse.GetValue(compare)))
                .Concat(files.Errors()).Concat(target.Match(Succ: t => (IEnumerable<Error>)ClusterRule(request, parse.GetValue(compare), t), Fail: e => e)).ToList();
            if (problems.Count > 0) return ErrorReport.Write(context, Error.Many(problems.ToSeq()));
            var onCluster = ClusterOptions.Chosen(target);
            var outputs = (RunOutputs)files.Case;
            if (parse.GetValue(compare)) return CompareRun.Run(context, path, request, parse.GetValue(json), !parse.GetValue(noExact), parse.GetValue(force));
            if (request.Method == "exact" && request.VersusPath is { } other)
                return LogzExactRun.Ratio(context, path, other, request.Beta, parse.GetValue(json));
            return request.Method == "exact"
                ? LogzExactRun.Run(context, path, request.Method, CommonOptions.ToExactMethod(parse.GetRequiredValue(exactMethod)), request.Beta, parse.GetValue(json))
                : EstimateRun.Run(context, path, request, parse.GetValue(json), outputs.For(plot), !parse.GetValue(noExact), parse.GetValue(force), onCluster);
        });
        return command;
    }

    /// <summary>What --cluster cannot do yet: methods other than <see cref="ClusterTarget.Methods"/>, --compare, and --versus (a second model file).</summary>
    private static List<Error> ClusterRule(LogzRequest r, bool compare, LanguageExt.Option<ClusterTarget> target)
    {
        var errors = new List<Error>();
        if (target.IsNone) return errors;
        if (compare) errors.Add(CliErrors.InvalidOption("--cluster", "runs one estimator; --compare runs on this machine only"));
        else if (!ClusterTarget.Methods.Contains(r.Method))
            errors.Add(CliErrors.InvalidOption("--cluster", $"--method {r.Method} runs on this machine only; on a cluster: {string.Join(", ", ClusterTarget.Methods)}"));
        if (r.VersusPath is not null) errors.Add(CliErrors.InvalidOption("--cluster", "--versus runs on this machine only"));
        return errors;
    }

    /// <summary>Every problem of the request; <paramref name="compare"/> runs the estimators, whatever --method says.</summary>
    private static List<Error> Check(LogzRequest r, bool compare)
    {
        var errors = new List<Error>();
        if ((r.Method != "exact" || compare) && !(r.Beta > 0))
            errors.Add(CliErrors.InvalidOption("--beta", $"estimators need a finite beta > 0, got {Numbers.Exact(r.Beta)}"));
        if (r.Particles < 1 || r.Particles > MaxParticles) errors.Add(CliErrors.InvalidOption("--particles", $"must be between 1 and {MaxParticles}, got {r.Particles}"));
        if (r.Steps < 1 || r.Steps > MaxSteps) errors.Add(CliErrors.InvalidOption("--steps", $"must be between 1 and {MaxSteps}, got {r.Steps}"));
        if (!(r.StepSize > 0)) errors.Add(CliErrors.InvalidOption("--step-size", $"must be a finite number > 0, got {Numbers.Exact(r.StepSize)}"));
        if (r.LeapfrogSteps < 1) errors.Add(CliErrors.InvalidOption("--leapfrog-steps", $"must be at least 1, got {r.LeapfrogSteps}"));
        if (r.ReferenceScale is { } scale && !GaussianReference.Representable(scale))
            errors.Add(CliErrors.InvalidOption("--reference-scale",
                $"must lie between {GaussianReference.MinScale:0e0} and {GaussianReference.MaxScale:0e0}, where the reference's variance s^2, " +
                $"its precision 1/s^2 and the squares of its draws are finite doubles; got {Numbers.Exact(scale)}"));
        if (!(r.EssThreshold >= 0 && r.EssThreshold <= 1)) errors.Add(CliErrors.InvalidOption("--ess-threshold", $"must be between 0 and 1, got {Numbers.Exact(r.EssThreshold)}"));
        if (r.Repetitions < 1 || r.Repetitions > 10_000) errors.Add(CliErrors.InvalidOption("--repetitions", $"must be between 1 and 10000, got {r.Repetitions}"));
        if (!double.IsNaN(r.TargetConditionalEss) && !(r.TargetConditionalEss > 0 && r.TargetConditionalEss < 1))
            errors.Add(CliErrors.InvalidOption("--target-cess", $"must lie strictly between 0 and 1, got {Numbers.Exact(r.TargetConditionalEss)}"));
        return errors;
    }
}
