using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ebm.Cli.Cost;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Cli.Sampling;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc.Adaptation;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Plots;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm sample MODEL.json --sampler S [--chains C] [--steps T] [--burn-in B] [--thin k] [--beta B] [--seed S]
/// [--step-size e] [--leapfrog-steps L] [--adapt] [--out samples.csv] [--json] [--trace-plot FILE.png]</c>.
/// </summary>
internal static class SampleCommand
{
    /// <summary>Seed used when none is given; printed with every result.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Most chains accepted.</summary>
    public const int MaxChains = 100_000;

    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var sampler = new System.CommandLine.Option<string>("--sampler", "-s")
        {
            Description = "The MCMC kernel. Continuous models: metropolis (random walk), langevin (unadjusted), mala, hmc, pt (parallel tempering over HMC), " +
                          "nuts (No-U-Turn Sampler, multinomial; at most 1023 leapfrog steps a step). " +
                          "Discrete models (Boltzmann machine, Ising, RBM joint state): gibbs (heat bath), metropolis (single-site), " +
                          "pt (parallel tempering over heat-bath Gibbs). Ising lattices also: checkerboard; at zero field wolff, swendsen-wang. " +
                          "Potts and clock lattices: checkerboard (heat bath over the q values), pt (parallel tempering over it); Potts with J >= 0 also swendsen-wang, and at zero field wolff. " +
                          "A sampler that does not apply to the model is an error.",
            Required = true,
            HelpName = "SAMPLER",
        }.OneOf(SamplerCatalog.Names);
        var chains = WholeOption.Create("--chains", "Number of chains, run as one batch.", 4, "C");
        var steps = WholeOption.Create("--steps", "Steps after burn-in.", 1000, "T");
        var burnIn = WholeOption.Create("--burn-in", "Steps run and discarded first.", 100, "B");
        var thin = WholeOption.Create("--thin", "Keep one step in k (the diagnostics and the samples use kept steps).", 1, "k");
        var leapfrog = WholeOption.Create("--leapfrog-steps", "Leapfrog steps per HMC trajectory.", 10, "L");
        var rungs = WholeOption.Create("--rungs", "Parallel tempering: number of temperatures, geometric from beta / ratio to beta.", 8, "R");
        var ratio = RealOption.Create("--beta-ratio", "Parallel tempering: ratio of the largest to the smallest beta of the ladder.", 10.0, "q");
        var beta = RealOption.Create("--beta", "Inverse temperature beta > 0: the chains sample p(x) proportional to exp(-beta E(x)).", 1.0, "B", "-b");
        var stepSize = RealOption.Create("--step-size", "Proposal scale (metropolis), step size epsilon (langevin, mala, hmc, nuts; the initial one with --adapt).", 0.1, "e");
        var adapt = new System.CommandLine.Option<bool>("--adapt")
        {
            Description = "hmc and nuts: the burn-in steps are Stan's warm-up, adapting the step size (dual averaging to a mean acceptance of 0.65 for hmc, 0.8 for nuts) " +
                          "and a diagonal mass (regularised variances over doubling windows); the kept steps use the adapted values, which the result reports. Needs --burn-in of at least 20.",
        };
        var seed = WholeOption.Create("--seed", "Seed of every random number of the run (starting points included); printed with the result.", DefaultSeed, "S");
        var output = new OutputOption("--out", OutputFormat.Any, "-o") { Description = "Write the kept samples as CSV (chain, step, energy, x0, x1, ...).", HelpName = "FILE.csv" };
        var plot = new OutputOption("--trace-plot", OutputFormat.Png) { Description = "Draw the energy trace of each chain into a PNG.", HelpName = "FILE.png" };
        var json = CommonOptions.Json("the summary (seed, sampler, meanEnergy, mcse, rHat, essBulk, essTail, autocorrelationTime, acceptanceRate, warnings, cost, diverged, worstRHat, smallestEss, diagnosed; hmc and nuts also divergences, divergencesByChain; nuts also nutsMeanTreeDepth, nutsMaxTreeDepth, nutsTreeDepthLimit, nutsTreeDepthSaturation, nutsMeanLeapfrogSteps; with --adapt also adaptedStepSize, adaptedInverseMass)");
        var force = CommonOptions.Force();

        var command = new Command("sample", "Sample p(x) proportional to exp(-beta E(x)) with an MCMC kernel, and report convergence diagnostics " +
                                            "(R-hat, bulk and tail ESS, autocorrelation time, acceptance) of the energy and of summaries of the state (coordinates, magnetisation, visible means).")
        {
            model, sampler, chains, steps, burnIn, thin, beta, seed, stepSize, leapfrog, adapt, rungs, ratio, output, json, plot, force,
        };
        command.SetAction(parse =>
        {
            var request = new SampleRequest(parse.GetRequiredValue(sampler), parse.GetValue(chains), parse.GetValue(beta),
                parse.GetValue(stepSize), parse.GetValue(leapfrog), parse.GetValue(rungs), parse.GetValue(ratio), parse.GetValue(adapt));
            var settings = RunSettings.Create(parse.GetValue(steps), parse.GetValue(burnIn), parse.GetValue(thin));
            var path = parse.GetRequiredValue(model);
            var files = CommandFiles.Check(context, parse, ("MODEL.json", path));
            var problems = Check(request).Concat(CheckAdapt(request, parse.GetValue(burnIn))).Concat(settings.Match(_ => [], e => e.Map(Prefixed))).Concat(files.Errors()).ToList();
            if (problems.Count > 0) return ErrorReport.Write(context, Error.Many(problems.ToSeq()));
            var outputs = (RunOutputs)files.Case;
            return Run(context, path, request, settings.Match(x => x, _ => throw new InvalidOperationException()),
                parse.GetValue(seed), outputs.For(output), outputs.For(plot), parse.GetValue(json), parse.GetValue(force));
        });
        return command;
    }

    /// <summary>Run-settings errors name the field ("steps: ..."); on the command line it is the option.</summary>
    private static Error Prefixed(Error e) => CliErrors.InvalidOption("--" + e.Message.Split(':')[0], e.Message[(e.Message.IndexOf(':') + 2)..]);

    private static List<Error> Check(SampleRequest r)
    {
        var errors = new List<Error>();
        if (r.Chains < 1 || r.Chains > MaxChains) errors.Add(CliErrors.InvalidOption("--chains", $"must be between 1 and {MaxChains}, got {r.Chains}"));
        if (!(r.Beta > 0)) errors.Add(CliErrors.InvalidOption("--beta", $"must be a finite number > 0, got {Numbers.Exact(r.Beta)}"));
        if (!(r.StepSize > 0)) errors.Add(CliErrors.InvalidOption("--step-size", $"must be a finite number > 0, got {Numbers.Exact(r.StepSize)}"));
        if (r.Rungs < 2 || r.Rungs > 256) errors.Add(CliErrors.InvalidOption("--rungs", $"must be between 2 and 256, got {r.Rungs}"));
        if (!(r.BetaRatio > 1)) errors.Add(CliErrors.InvalidOption("--beta-ratio", $"must be a finite number > 1, got {Numbers.Exact(r.BetaRatio)}"));
        if (r.LeapfrogSteps < 1) errors.Add(CliErrors.InvalidOption("--leapfrog-steps", $"must be at least 1, got {r.LeapfrogSteps}"));
        return errors;
    }

    /// <summary>--adapt tunes hmc and nuts only, and Stan's schedule needs at least 20 warm-up steps to open a window.</summary>
    private static IEnumerable<Error> CheckAdapt(SampleRequest r, int burnIn)
    {
        if (!r.Adapt) yield break;
        if (!SamplerCatalog.Adaptable.Contains(r.Sampler))
            yield return CliErrors.InvalidOption("--adapt", $"tunes {string.Join(" and ", SamplerCatalog.Adaptable)} only, not {r.Sampler}");
        else if (burnIn < WindowSchedule.MinimumForWindows)
            yield return CliErrors.InvalidOption("--adapt", $"needs --burn-in of at least {WindowSchedule.MinimumForWindows} warm-up steps, got {burnIn}");
    }

    private static int Run(CliContext context, string path, SampleRequest request, RunSettings settings, ulong seed, OutputFile? csv, OutputFile? plot, bool json, bool force)
    {
        var clock = Stopwatch.StartNew();
        var outcome =
            from model in ModelFile.Load(path)
            from job in SamplerCatalog.Resolve(model, request)
            from fits in SampleMemory.CheckTracesFit(model, request, settings)
            from cost in RunBudget.Check(SampleCost.For(model, request, settings), force, SampleCost.Levers)
            from run in Sample(context, model, request, settings, seed, job, csv)
            let energies = run.Traces.Energies()
            from report in ConvergenceReport.Create(energies, request.Beta, run.Observables, run.Traces.Observable)
            select (model, run, energies, report, cost);
        return outcome.Match(
            Succ: r =>
            {
                var written = CommandFiles.WriteAll(context,
                    (plot, o => o.WriteAllBytes(TracePlot.RenderPng(r.energies, $"{r.model.Kind}: {request.Sampler}, seed {seed}"))));
                if (written.IsFail) return ErrorReport.Write(context, (Error)written);

                var acceptance = r.run.AcceptanceRates.Span.ToArray().Average();
                var warnings = r.report.Warnings() + (r.run.Trajectories?.Warnings() ?? []).ToSeq();
                context.Out.WriteLine(json
                    ? Json(r.model, request, settings, seed, r.report, warnings, acceptance, clock.Elapsed.TotalSeconds, r.cost, force, r.run)
                    : Text(r.model, request, settings, seed, r.report, acceptance, clock.Elapsed.TotalSeconds, r.cost, r.run));
                if (!json)
                    foreach (var warning in warnings) context.Error.WriteLine($"ebm: warning: {warning}");
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    /// <summary>Runs the job; with <paramref name="csv"/>, streams each kept step's rows into it as the chains run.</summary>
    private static Fin<SampleOutcome> Sample(CliContext context, IEnergyModel model, SampleRequest request, RunSettings settings, ulong seed, SampleJob job, OutputFile? csv)
    {
        var label = $"sample ({request.Sampler})";
        if (csv is null) return FinSucc(ProgressDisplay.Run(context, label, progress => job(seed, settings, progress, null)));
        SampleOutcome? run = null;
        var written = csv.Write(stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            SamplesCsv.WriteHeader(writer, model.Dimension);
            run = ProgressDisplay.Run(context, label, progress => job(seed, settings, progress, (t, energies, states) => SamplesCsv.WriteStep(writer, t, energies, states)));
        });
        return written.Map(_ =>
        {
            context.Error.WriteLine($"ebm: wrote {csv.Path}");
            return run!;
        });
    }

    private static string Show(LanguageExt.Option<double> value) => value.Match(Numbers.Table, () => "—");

    /// <summary>"1.53 (x0)" for an R-hat, "7.2 (bulk ESS of x0)" for an ESS.</summary>
    private static string Show(LanguageExt.Option<ExtremeDiagnostic> extreme) =>
        extreme.Match(e => e.Measure == "R-hat" ? $"{Numbers.Table(e.Value)} ({e.Name})" : $"{Numbers.Table(e.Value)} ({e.Measure} of {e.Name})", () => "—");

    private static string Text(IEnergyModel model, SampleRequest r, RunSettings s, ulong seed, ConvergenceReport report, double acceptance, double seconds, RunCost cost, SampleOutcome run)
    {
        var d = report.Energy;
        var tuning = run.Tuning;
        var adapted = tuning is null ? [] : new[]
        {
            $"adapted        step size {Numbers.Table(tuning.StepSize)}, inverse mass [{string.Join(", ", tuning.InverseMassDiagonal.ToArray().Select(Numbers.Table))}] (warm-up: the {s.BurnIn} burn-in steps)",
        };
        return string.Join(Environment.NewLine, [
            $"model          {model.Kind}, {model.Dimension} variables",
            $"sampler        {r.Sampler} at beta {Numbers.Table(r.Beta)}: {r.Chains} chains, {s.Steps} steps after {s.BurnIn} burn-in, thin {s.Thin}",
            $"seed           {seed}",
            $"cost           {cost.Text()}",
            $"<E>            {Numbers.Table(d.Mean)} ± {Show(d.McseMean)} (MCSE)",
            $"sd(E)          {Numbers.Table(d.StandardDeviation)}",
            $"R-hat          {Show(d.RHat)}",
            $"ESS            bulk {Show(d.BulkEss)}, tail {Show(d.TailEss)}",
            $"tau            {Show(d.AutocorrelationTime)} (integrated autocorrelation time, kept steps)",
            $"diagnosed      {string.Join(", ", report.Scalars.Map(x => x.Name))}",
            $"worst R-hat    {Show(report.WorstRHat)}",
            $"smallest ESS   {Show(report.SmallestEss)}",
            $"acceptance     {Numbers.Table(acceptance)}",
            .. run.Trajectories?.TextLines() ?? [],
            .. adapted,
            $"time           {seconds:F3} s"]);
    }

    private static string Json(
        IEnergyModel model, SampleRequest r, RunSettings s, ulong seed, ConvergenceReport report, Seq<string> warnings, double acceptance, double seconds,
        RunCost cost, bool forced, SampleOutcome run) =>
        ResultJson.Object(w =>
        {
            var d = report.Energy;
            w.WriteString("version", VersionReport.Version);
            w.WriteNumber("seed", seed);
            w.WriteString("model", model.Kind);
            w.WriteNumber("dimension", model.Dimension);
            w.WriteString("sampler", r.Sampler);
            ResultJson.Number(w, "beta", r.Beta);
            w.WriteNumber("chains", r.Chains);
            w.WriteNumber("steps", s.Steps);
            w.WriteNumber("burnIn", s.BurnIn);
            w.WriteNumber("thin", s.Thin);
            Summary(w, d, "meanEnergy", "energySd");
            ResultJson.Number(w, "autocorrelationTime", d.AutocorrelationTime.IfNone(double.NaN));
            ResultJson.Number(w, "acceptanceRate", acceptance);
            w.WriteStartArray("warnings");
            foreach (var warning in warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteNumber("seconds", seconds);
            cost.Json(w, forced);
            w.WriteBoolean("diverged", report.Diverged);
            Extreme(w, "worstRHat", report.WorstRHat, withMeasure: false);
            Extreme(w, "smallestEss", report.SmallestEss, withMeasure: true);
            w.WriteStartArray("diagnosed");
            foreach (var scalar in report.Scalars) DiagnosedScalar(w, scalar);
            w.WriteEndArray();
            run.Trajectories?.Json(w);
            if (run.Tuning is not { } tuning) return;
            ResultJson.Number(w, "adaptedStepSize", tuning.StepSize);
            w.WriteStartArray("adaptedInverseMass");
            foreach (var m in tuning.InverseMassDiagonal.Span) w.WriteNumberValue(m);
            w.WriteEndArray();
        });

    /// <summary>"name": the value, "nameQuantity": the scalar that has it, and "nameMeasure" ("bulk ESS" or "tail ESS") if asked; null when undefined.</summary>
    private static void Extreme(Utf8JsonWriter w, string name, LanguageExt.Option<ExtremeDiagnostic> extreme, bool withMeasure)
    {
        ResultJson.Number(w, name, extreme.Map(e => e.Value).IfNone(double.NaN));
        extreme.Match(e => w.WriteString(name + "Quantity", e.Name), () => w.WriteNull(name + "Quantity"));
        if (withMeasure) extreme.Match(e => w.WriteString(name + "Measure", e.Measure), () => w.WriteNull(name + "Measure"));
    }

    private static void DiagnosedScalar(Utf8JsonWriter w, ScalarSummary scalar)
    {
        w.WriteStartObject();
        w.WriteString("name", scalar.Name);
        Summary(w, scalar.Summary, "mean", "sd");
        w.WriteEndObject();
    }

    /// <summary>The mean and sd under the given keys, then mcse, rHat, essBulk and essTail (null when undefined): the energy's and every scalar's.</summary>
    private static void Summary(Utf8JsonWriter w, ChainSummary d, string meanKey, string sdKey)
    {
        ResultJson.Number(w, meanKey, d.Mean);
        ResultJson.Number(w, sdKey, d.StandardDeviation);
        ResultJson.Number(w, "mcse", d.McseMean.IfNone(double.NaN));
        ResultJson.Number(w, "rHat", d.RHat.IfNone(double.NaN));
        ResultJson.Number(w, "essBulk", d.BulkEss.IfNone(double.NaN));
        ResultJson.Number(w, "essTail", d.TailEss.IfNone(double.NaN));
    }
}
