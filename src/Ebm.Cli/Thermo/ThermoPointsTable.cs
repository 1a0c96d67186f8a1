using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Functional.Thermo;
using LanguageExt;
using Spectre.Console;

namespace Ebm.Cli.Thermo;

/// <summary>The table of a sampled sweep: a row per beta, each quantity as value ± standard error.</summary>
internal static class ThermoPointsTable
{
    public static Table Of(IReadOnlyList<ThermoPoint> rows, string title, string caption)
    {
        var order = rows.Any(r => r.Order.IsSome);
        var slope = rows.Any(r => r.HeatCapacityFromSlope.IsSome);
        var table = new Table().Title(Markup.Escape(title)).Caption(Markup.Escape(caption));
        table.AddColumns("β", "T = 1/β", "log Z", "U = ⟨E⟩", "F = −log Z/β", "S = β(U − F)", "C = β² Var E");
        if (slope) table.AddColumn("C = −β² dU/dβ");
        if (order) table.AddColumns("⟨|m|⟩", "χ", "U₄");
        foreach (var column in table.Columns) column.RightAligned();
        foreach (var r in rows)
        {
            var cells = new List<string>
            {
                Numbers.Table(r.Beta), Numbers.Table(r.Temperature), Text(r.LogZ), Text(r.MeanEnergy), Text(r.FreeEnergy), Text(r.Entropy), Text(r.HeatCapacity),
            };
            if (slope) cells.Add(r.HeatCapacityFromSlope.Match(Text, () => ""));
            if (order) cells.AddRange(r.Order.Match(o => new[] { Text(o.MeanAbsolute), Text(o.Susceptibility), Text(o.Binder) }, () => ["", "", ""]));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    /// <summary>value ± error, the error to two significant digits and the value to the error's last digit.</summary>
    public static string Text(Measured m)
    {
        if (!double.IsFinite(m.Value) || !(m.Error > 0) || !double.IsFinite(m.Error)) return Numbers.Table(m.Value);
        var digits = Math.Clamp(1 - (int)Math.Floor(Math.Log10(m.Error)), 0, 12);
        var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        return $"{m.Value.ToString(format, CultureInfo.InvariantCulture)} ± {m.Error.ToString(format, CultureInfo.InvariantCulture)}";
    }
}
