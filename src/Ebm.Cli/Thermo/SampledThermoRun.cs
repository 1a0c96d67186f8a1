using System.Diagnostics;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// Runs <c>ebm thermo --method pt|reweighting|wang-landau|ais</c>: state the cost, sample with progress, write the files,
/// print the rows (value ± error) with the seed, and the exact values beside them where an exact method is cheap.
/// </summary>
internal static class SampledThermoRun
{
    private sealed record Sweep(Seq<ThermoPoint> Rows, Option<Seq<ThermoPoint>> Curve, RunCost Cost, Option<FiniteSizePeak> ReweightedPeak = default);

    public static int Run(CliContext context, SampledThermoRequest request, IExecutor executor)
    {
        var clock = Stopwatch.StartNew();
        var plan = request.Plan;
        var outcome =
            from cost in RunBudget.Check(SampledThermoCost.Of(plan, request.Model.Dimension, request.Betas), request.Force, SampledThermoCost.Levers)
            from sweep in ProgressDisplay.Run(context, $"thermo ({plan.Method})", p => Compute(request, executor, p, request.Plot is not null))
            select sweep with { Cost = cost };
        var seconds = clock.Elapsed.TotalSeconds;
        return outcome.Bind(sweep =>
        {
            var exact = ExactReference.At(request.Model, sweep.Rows.Map(r => r.Beta).ToArray());
            return WriteFiles(context, request, sweep).Map(_ => (sweep, exact));
        }).Match(
            Succ: result =>
            {
                if (request.Json) context.Out.WriteLine(Json(request, result.sweep, result.exact, seconds));
                else Print(context, request, result.sweep, result.exact);
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    private static Fin<Sweep> Compute(SampledThermoRequest request, IExecutor executor, IProgress<double> progress, bool curve)
    {
        var (model, betas, plan) = (request.Model, request.Betas, request.Plan);
        var key = RngKey.FromSeed(plan.Seed);
        var none = Option<Seq<ThermoPoint>>.None;
        var tempering = new TemperingSettings(plan.Replicas, plan.Steps, plan.BurnIn);
        return plan.Method switch
        {
            ThermoMethods.Tempering => TemperingGlobalWork.Sample(executor, key, model, betas, tempering, progress)
                .Bind(samples => ThermoSweep.Estimate(samples, betas)).Map(rows => new Sweep(rows, none, RunCost.Of())),
            ThermoMethods.Reweighting =>
                from samples in TemperingGlobalWork.Sample(executor, key, model, betas, tempering, progress)
                from rows in Reweighting.Sweep(samples, betas)
                from smooth in curve ? Reweighting.Sweep(samples, ExactReference.FineGrid(betas)).Map(Some) : FinSucc(none)
                select new Sweep(rows, smooth, RunCost.Of(), Reweighting.HeatCapacityPeak(samples, ExactReference.FineGrid(betas)).ToOption()),
            ThermoMethods.Ais => AnnealedBlockWork.Run(executor, key, model, betas, new AnnealedSettings(plan.Replicas, SampledThermoCost.AnnealedSubsteps, plan.Steps), progress)
                .Map(rows => new Sweep(rows, none, RunCost.Of())),
            _ =>
                from density in WalkerWork.Run(executor, key, model, new WangLandauSettings { Walkers = plan.Replicas }, progress)
                from rows in density.Thermodynamics(betas)
                from smooth in curve ? density.Thermodynamics(ExactReference.FineGrid(betas)).Map(Some) : FinSucc(none)
                select new Sweep(rows, smooth, RunCost.Of()),
        };
    }

    /// <summary>The heat-capacity peak of the reweighted curve (jackknife errors), of Wang-Landau's curve or of the rows, where C peaks inside the range.</summary>
    private static Option<FiniteSizePeak> Peak(Sweep sweep)
    {
        if (sweep.ReweightedPeak.IsSome) return sweep.ReweightedPeak;
        var points = sweep.Curve.IfNone(sweep.Rows).ToArray();
        return points.Length < 3 ? None : FiniteSize.HeatCapacityPeak(points).ToOption();
    }

    /// <summary>The Ising kernel of pt, reweighting and ais (<see cref="ThermoSweep.IsingKernel"/>): multi-spin coded or byte by byte.</summary>
    private static Option<string> Kernel(SampledThermoRequest request) =>
        request.Model is IsingModel ising && request.Plan.Method != ThermoMethods.WangLandau ? Some(ThermoSweep.IsingKernel(ising)) : None;

    private static string Title(SampledThermoRequest request) =>
        $"{request.Model.Kind}, {request.Model.Dimension} variables: {request.Plan.Method} thermodynamics, seed {request.Plan.Seed}";

    private static Fin<Unit> WriteFiles(CliContext context, SampledThermoRequest request, Sweep sweep) =>
        CommandFiles.WriteAll(context,
            (request.Csv, o => o.WriteAllText(ThermoPointsCsv.Write(sweep.Rows))),
            (request.Plot, o => o.WriteAllBytes(ThermoPointsPlot.RenderPng(sweep.Rows.ToArray(), sweep.Curve,
                ExactReference.Curve(request.Model, request.Betas), $"{request.Model.Kind} ({request.Plan.Method}, seed {request.Plan.Seed})", request.Axis))));

    private static string Json(SampledThermoRequest request, Sweep sweep, Option<Seq<ThermoPoint>> exact, double seconds) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteString("model", request.Model.Kind);
            w.WriteNumber("dimension", request.Model.Dimension);
            w.WriteString("method", request.Plan.Method);
            w.WriteNumber("seed", request.Plan.Seed);
            w.WriteNumber("replicas", request.Plan.Replicas);
            w.WriteNumber("steps", request.Plan.Steps);
            w.WriteNumber("burnIn", request.Plan.BurnIn);
            Kernel(request).IfSome(kernel => w.WriteString("kernel", kernel));
            w.WriteStartArray("rows");
            var rows = sweep.Rows.ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                w.WriteStartObject();
                ThermoPointsJson.Row(w, rows[i], exact.Bind(e => e.Skip(i).HeadOrNone()));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Peak(sweep).IfSome(peak =>
            {
                w.WriteStartObject("heatCapacityPeak");
                ResultJson.Number(w, "beta", peak.Beta.Value);
                ResultJson.Number(w, "betaError", peak.Beta.Error);
                ResultJson.Number(w, "temperature", peak.Temperature.Value);
                ResultJson.Number(w, "temperatureError", peak.Temperature.Error);
                ResultJson.Number(w, "heatCapacity", peak.Height.Value);
                ResultJson.Number(w, "heatCapacityError", peak.Height.Error);
                w.WriteEndObject();
            });
            w.WriteNumber("seconds", seconds);
            sweep.Cost.Json(w, request.Force);
        });

    private static void Print(CliContext context, SampledThermoRequest request, Sweep sweep, Option<Seq<ThermoPoint>> exact)
    {
        var kernel = Kernel(request).Match(k => $"kernel {k}; ", () => "");
        var caption = $"± one standard error; {kernel}seed {request.Plan.Seed}; cost: {sweep.Cost.Text()}";
        context.ResultConsole().Write(ThermoPointsTable.Of(sweep.Rows.ToArray(), Title(request), caption));
        Peak(sweep).IfSome(peak => context.Out.WriteLine(
            $"C peaks at beta = {ThermoPointsTable.Text(peak.Beta)} (T = {ThermoPointsTable.Text(peak.Temperature)}), C = {ThermoPointsTable.Text(peak.Height)}"));
        exact.IfSome(e => context.ResultConsole().Write(ThermoPointsTable.Of(e.ToArray(), $"exact ({request.Model.Kind})", "exact values at the same betas")));
    }
}
