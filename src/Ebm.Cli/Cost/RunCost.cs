using System.Globalization;
using System.Text.Json;
using Ebm.Cli.Output;

namespace Ebm.Cli.Cost;

/// <summary>
/// What a run of <c>ebm</c> will cost, stated before any work: energy evaluations, unit updates (the budgeted
/// figure) and memory, stage by stage. Stages run one after another, so the memory is the largest stage's.
/// </summary>
internal sealed record RunCost(IReadOnlyList<CostPart> Parts)
{
    /// <summary>A run of one stage.</summary>
    public static RunCost Of(params CostPart[] parts) => new(parts);

    /// <summary>All energy evaluations.</summary>
    public double EnergyEvaluations => Parts.Sum(p => p.EnergyEvaluations);

    /// <summary>All unit updates: what <see cref="RunBudget.MaxUnitUpdates"/> bounds.</summary>
    public double UnitUpdates => Parts.Sum(p => p.UnitUpdates);

    /// <summary>The memory of the largest stage: what <see cref="RunBudget.MaxMemoryBytes"/> bounds.</summary>
    public double MemoryBytes => Parts.Count == 0 ? 0 : Parts.Max(p => p.MemoryBytes);

    /// <summary>The same stages, each label led by <paramref name="prefix"/> ("ais: estimate").</summary>
    public RunCost Prefixed(string prefix) => new(Parts.Select(p => p with { Label = $"{prefix}: {p.Label}" }).ToList());

    /// <summary>This run followed by <paramref name="other"/>.</summary>
    public RunCost Then(RunCost other) => new([.. Parts, .. other.Parts]);

    /// <summary>One line for a report's header: "2.0e5 energy evaluations, 3.2e6 unit updates, 1.2 MiB (budget ...)".</summary>
    public string Text() =>
        $"{Count(EnergyEvaluations)} energy evaluations, {Count(UnitUpdates)} unit updates, {Bytes(MemoryBytes)} " +
        $"(budget {Count(RunBudget.MaxUnitUpdates)} unit updates, {Bytes(RunBudget.MaxMemoryBytes)})";

    /// <summary>The stages with their evaluations, for the error of a run over the budget.</summary>
    public string Breakdown() =>
        string.Join(", ", Parts.Where(p => p.EnergyEvaluations > 0).Select(p => $"{p.Label} {Count(p.EnergyEvaluations)}"));

    /// <summary>
    /// The "cost" object of a JSON report: energyEvaluations, unitUpdates, memoryBytes, budget {unitUpdates,
    /// memoryBytes}, forced, and parts [{part, energyEvaluations, unitUpdates, memoryBytes}].
    /// </summary>
    public void Json(Utf8JsonWriter w, bool forced)
    {
        w.WriteStartObject("cost");
        Figures(w, EnergyEvaluations, UnitUpdates, MemoryBytes);
        w.WriteStartObject("budget");
        ResultJson.Number(w, "unitUpdates", RunBudget.MaxUnitUpdates);
        ResultJson.Number(w, "memoryBytes", RunBudget.MaxMemoryBytes);
        w.WriteEndObject();
        w.WriteBoolean("forced", forced);
        w.WriteStartArray("parts");
        foreach (var part in Parts)
        {
            w.WriteStartObject();
            w.WriteString("part", part.Label);
            Figures(w, part.EnergyEvaluations, part.UnitUpdates, part.MemoryBytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter w, double evaluations, double updates, double bytes)
    {
        ResultJson.Number(w, "energyEvaluations", Math.Round(evaluations));
        ResultJson.Number(w, "unitUpdates", Math.Round(updates));
        ResultJson.Number(w, "memoryBytes", Math.Round(bytes));
    }

    /// <summary>A count as plain digits below a million, else like 2.6e8 (never with a thousands separator).</summary>
    public static string Count(double x) =>
        x < 1e6 ? Math.Round(x).ToString("0", CultureInfo.InvariantCulture) : x.ToString("0.0e0", CultureInfo.InvariantCulture);

    /// <summary>Bytes in B, KiB, MiB, GiB or TiB with one decimal.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B" : $"{bytes.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
