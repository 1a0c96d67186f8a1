using System.Text.Json;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Estimators;

namespace Ebm.Cli.Estimation;

/// <summary>The text and JSON reports of a log Z estimate, with the exact value beside it when one was computed.</summary>
internal static class EstimateReport
{
    /// <summary>The z-score (estimate - exact) / SE, or NaN.</summary>
    public static double Z(LogZEstimate e, ExactResult? exact) =>
        exact is null || !(e.StandardError > 0) ? double.NaN : (e.LogZ - exact.LogZ) / e.StandardError;

    public static string Text(IEnergyModel model, LogzRequest r, LogZEstimate e, ExactResult? exact, double seconds, RunCost cost, string? cluster = null, IReadOnlyList<string>? workers = null)
    {
        var (low, high) = e.ConfidenceInterval();
        var lines = new List<string>
        {
            $"model          {model.Kind}, {model.Dimension} variables",
            $"method         {e.Method}: {r.Particles} particles, {Setup(r, e)}",
            $"seed           {r.Seed}",
            $"cost           {cost.Text()}",
            $"beta           {Numbers.Exact(e.Beta)}",
            $"{(r.VersusPath is null ? "log Z" : "log Z_A/Z_B"),-15}{Shown(e.LogZ, Numbers.Exact)} ± {Shown(e.StandardError)} ({Source(e.ErrorSource)})",
            $"95% interval   [{Shown(low, Numbers.Exact)}, {Shown(high, Numbers.Exact)}]",
        };
        if (!e.IsReliable)
            lines.Add($"verdict        UNRELIABLE ({string.Join(", ", e.Warnings.Filter(w => w.MeansUnreliable).Map(w => w.Code).Distinct())}): do not trust this estimate; see the warnings");
        foreach (var part in e.Parts.Take(4))
            lines.Add($"  {part.Method,-12} {Shown(part.LogZ, Numbers.Exact)} ± {PartError(e, part)}");
        if (exact is not null)
            lines.Add($"{(r.VersusPath is null ? "exact log Z" : "exact ratio"),-15}{Numbers.Exact(exact.LogZ)} ({exact.Method}); estimate - exact = {Numbers.Table(e.LogZ - exact.LogZ)} = {Numbers.Table(Z(e, exact))} SE");
        lines.Add($"weight ESS     {Shown(e.Ess)} of {e.Samples}; Pareto k {Shown(e.ParetoK)}{(double.IsNaN(e.ParetoK) || !e.Parts.IsEmpty ? "" : $" (reliable below {Numbers.Table(Math.Round(ParetoK.Threshold(e.Samples), 3))})")}; " +
                  $"largest normalised weight {Shown(e.MaxNormalisedWeight)}");
        lines.Add($"evaluations    {e.EnergyEvaluations:N0} energy evaluations");
        lines.Add($"time           {seconds:F3} s");
        if (cluster is not null)
            lines.Add($"cluster        {cluster}: {workers?.Count ?? 0} worker(s) ({string.Join(", ", workers ?? [])})");
        return string.Join(Environment.NewLine, lines);
    }

    public static string Json(IEnergyModel model, LogzRequest r, LogZEstimate e, ExactResult? exact, double seconds, RunCost cost, bool forced, string? cluster = null, IReadOnlyList<string>? workers = null) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteNumber("seed", r.Seed);
            w.WriteString("model", model.Kind);
            w.WriteNumber("dimension", model.Dimension);
            Fields(w, r, e);
            if (exact is null) w.WriteNull("exact");
            else
            {
                w.WriteStartObject("exact");
                w.WriteString("method", exact.Method);
                ResultJson.Number(w, "logZ", exact.LogZ);
                ResultJson.Number(w, "z", Z(e, exact));
                w.WriteEndObject();
            }

            w.WriteNumber("seconds", seconds);
            cost.Json(w, forced);
            if (cluster is not null)
            {
                w.WriteStartObject("cluster");
                w.WriteString("address", cluster);
                w.WriteStartArray("workers");
                foreach (var worker in workers ?? []) w.WriteStringValue(worker);
                w.WriteEndArray();
                w.WriteEndObject();
            }
        });

    /// <summary>The estimate's own fields (method, beta, logZ, standardError, ess, warnings, ...).</summary>
    public static void Fields(Utf8JsonWriter w, LogzRequest r, LogZEstimate e)
    {
        w.WriteString("method", e.Method);
        w.WriteString("quantity", r.VersusPath is null ? "log Z" : "log(Z_A / Z_B)");
        if (r.VersusPath is not null) w.WriteString("versus", r.VersusPath);
        ResultJson.Number(w, "beta", e.Beta);
        ResultJson.Number(w, "logZ", e.LogZ);
        ResultJson.Number(w, "standardError", e.StandardError);
        w.WriteString("errorSource", Source(e.ErrorSource));
        var (low, high) = e.ConfidenceInterval();
        w.WriteStartObject("confidenceInterval");
        w.WriteNumber("level", LogZEstimate.DefaultConfidence);
        ResultJson.Number(w, "lower", low);
        ResultJson.Number(w, "upper", high);
        w.WriteEndObject();
        ResultJson.Number(w, "ess", e.Ess);
        ResultJson.Number(w, "maxNormalisedWeight", e.MaxNormalisedWeight);
        ResultJson.Number(w, "paretoK", e.ParetoK);
        w.WriteBoolean("reliable", e.IsReliable);
        w.WriteNumber("samples", e.Samples);
        w.WriteNumber("energyEvaluations", e.EnergyEvaluations);
        w.WriteNumber("particles", r.Particles);
        w.WriteNumber("steps", Steps(r, e));
        w.WriteString("schedule", r.Schedule);
        w.WriteString("kernel", r.Kernel);
        w.WriteStartArray("warnings");
        foreach (var warning in e.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.Code);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (!e.Parts.IsEmpty)
        {
            w.WriteStartArray("parts");
            foreach (var part in e.Parts)
            {
                w.WriteStartObject();
                w.WriteString("method", part.Method);
                ResultJson.Number(w, "logZ", part.LogZ);
                ResultJson.Number(w, "standardError", part.StandardError);
                ResultJson.Number(w, "ess", part.Ess);
                ResultJson.Number(w, "paretoK", part.ParetoK);
                w.WriteNumber("energyEvaluations", part.EnergyEvaluations);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    /// <summary>The error source as written in reports.</summary>
    public static string Source(ErrorSource source) => source switch
    {
        ErrorSource.DeltaMethod => "delta method",
        ErrorSource.Repetitions => "independent repetitions",
        ErrorSource.MonteCarloStandardError => "per-point MCSE",
        ErrorSource.BridgeRelativeMeanSquaredError => "bridge relative MSE",
        ErrorSource.Combined => "combined",
        ErrorSource.Exact => "exact",
        _ => source.ToString(),
    };

    /// <summary>The annealing steps the estimator ran (not the --steps asked for, which a schedule file or a named schedule overrides); --steps for estimators without a path.</summary>
    public static int Steps(LogzRequest r, LogZEstimate e) => e.Steps > 0 ? e.Steps : r.Steps;

    private static string Setup(LogzRequest r, LogZEstimate e)
    {
        var steps = e.Method == ThermodynamicIntegration.Method
            ? $"{e.Steps} intervals ({e.Steps + 1} points)"
            : e.Parts.Count > 1 && e.Method == Functional.Estimators.Smc.Method && e.Parts.Exists(p => p.Steps != e.Parts[0].Steps)
                ? $"{Steps(r, e)} steps (mean of {e.Parts.Count} runs)"
                : $"{Steps(r, e)} steps";
        return $"{steps}, schedule {r.Schedule}, kernel {r.Kernel}";
    }

    /// <summary>
    /// A part's standard error; a repetition without one of its own (a resampled SMC run) says where the error comes
    /// from instead of printing "Infinity".
    /// </summary>
    private static string PartError(LogZEstimate whole, LogZEstimate part) =>
        whole.ErrorSource == ErrorSource.Repetitions && !double.IsFinite(part.StandardError)
            ? "none of its own (the error is the runs' spread)"
            : Shown(part.StandardError);

    /// <summary>A number for people: NaN as "n/a" (the warnings say why), anything else as <paramref name="format"/> writes it.</summary>
    private static string Shown(double x, Func<double, string>? format = null) => double.IsNaN(x) ? "n/a" : (format ?? Numbers.Table)(x);
}
