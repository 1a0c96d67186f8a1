using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Cli.Estimation;

/// <summary>The text table and the JSON object of <c>ebm logz --compare</c>.</summary>
internal static class CompareReport
{
    public static string Text(IEnergyModel model, LogzRequest r, IReadOnlyList<CompareRow> rows, ExactResult? exact, RunCost cost)
    {
        var lines = new List<string>
        {
            $"model {model.Kind}, {model.Dimension} variables; beta {Numbers.Table(r.Beta)}; seed {r.Seed}; {r.Particles} particles, {r.Steps} steps, schedule {r.Schedule}",
            $"cost {cost.Text()}",
            exact is null
                ? $"{Quantity(r)}    not computed exactly (model too large or --no-exact)"
                : $"exact {Quantity(r)}    {Numbers.Exact(exact.LogZ)} ({exact.Method})",
            $"{"method",-12} {"log Z",18} {"std error",11} {"z vs exact",10} {"ESS",9} {"evaluations",14} {"time (s)",9}  warnings",
        };
        foreach (var (method, estimate, seconds) in rows)
            lines.Add(estimate.Match(
                e => $"{method,-12} {Numbers.Exact(e.LogZ),18} {Numbers.Table(e.StandardError),11} {Numbers.Table(EstimateReport.Z(e, exact)),10} {Numbers.Table(e.Ess),9} {e.EnergyEvaluations,14:N0} {seconds,9:F3}  {string.Join(", ", e.Warnings.Map(w => w.Code))}",
                err => $"{method,-12} not run: {err.Message}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Quantity(LogzRequest r) => r.VersusPath is null ? "log Z" : "log(Z_A / Z_B)";

    public static string Json(IEnergyModel model, LogzRequest r, IReadOnlyList<CompareRow> rows, ExactResult? exact, RunCost cost, bool forced) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteNumber("seed", r.Seed);
            w.WriteString("model", model.Kind);
            w.WriteNumber("dimension", model.Dimension);
            ResultJson.Number(w, "beta", r.Beta);
            if (exact is null) w.WriteNull("exactLogZ");
            else ResultJson.Number(w, "exactLogZ", exact.LogZ);
            w.WriteStartArray("methods");
            foreach (var (method, estimate, seconds) in rows)
            {
                w.WriteStartObject();
                estimate.Match(
                    e =>
                    {
                        EstimateReport.Fields(w, r, e);
                        ResultJson.Number(w, "z", EstimateReport.Z(e, exact));
                    },
                    err =>
                    {
                        w.WriteString("method", method);
                        w.WriteString("error", err.Message);
                    });
                w.WriteNumber("seconds", seconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            cost.Json(w, forced);
        });
}
