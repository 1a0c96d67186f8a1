using System.Globalization;
using System.Text;
using Ebm.Cli.Output;
using Ebm.Functional.Models;
using Ebm.Functional.Thermo;
using LanguageExt;
using Spectre.Console;

namespace Ebm.Cli.Commands;

/// <summary>What <c>ebm dos</c> prints and writes: the density (with the exact one where counted), its thermodynamics, the seed.</summary>
internal sealed record DosReport(
    IEnergyModel Model, DensityOfStates Density, Option<DensityOfStates> Exact, Seq<ThermoPoint> Rows, Option<ulong> Seed, DosRequest Request, double Seconds)
{
    /// <summary>Header of the CSV file.</summary>
    public const string CsvHeader = "energy,logG,logGError";

    /// <summary>
    /// The density as CSV: a header, then one line per energy at full precision; the error of an energy that only one
    /// walker found is unknown and left empty, never written as NaN.
    /// </summary>
    public string Csv()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        for (var k = 0; k < Density.Energies.Length; k++)
            text.AppendJoin(',', Numbers.Exact(Density.Energies[k]), Numbers.Exact(Density.LogG[k]), double.IsFinite(Density.LogGError[k]) ? Numbers.Exact(Density.LogGError[k]) : "").Append('\n');
        return text.ToString();
    }

    /// <summary>The JSON report; non-finite numbers are null.</summary>
    public string Json() =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteString("model", Model.Kind);
            w.WriteNumber("dimension", Model.Dimension);
            w.WriteString("method", Density.Method);
            Seed.IfSome(seed => w.WriteNumber("seed", seed));
            if (Density.Method == WangLandau.MethodName)
            {
                w.WriteNumber("walkers", Density.Walkers);
                w.WriteNumber("sweeps", Density.Sweeps);
                ResultJson.Number(w, "flatness", Request.Flatness);
                ResultJson.Number(w, "finalLogF", Request.FinalLogF);
            }

            ResultJson.Number(w, "logStates", Density.LogStates);
            w.WriteStartArray("density");
            for (var k = 0; k < Density.Energies.Length; k++)
            {
                w.WriteStartObject();
                ResultJson.Number(w, "energy", Density.Energies[k]);
                ResultJson.Number(w, "logG", Density.LogG[k]);
                ResultJson.Number(w, "logGError", Density.LogGError[k]);
                ExactLogG(k).IfSome(logG => ResultJson.Number(w, "exactLogG", logG));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                w.WriteStartObject();
                ResultJson.Number(w, "beta", row.Beta);
                ResultJson.Number(w, "temperature", row.Temperature);
                Measured(w, "logZ", row.LogZ);
                Measured(w, "meanEnergy", row.MeanEnergy);
                Measured(w, "freeEnergy", row.FreeEnergy);
                Measured(w, "entropy", row.Entropy);
                Measured(w, "heatCapacity", row.HeatCapacity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("seconds", Seconds);
        });

    /// <summary>The density table, then the thermodynamics table, the seed and run in the caption.</summary>
    public void Tables(CliContext context)
    {
        var density = new Table()
            .Title(Markup.Escape($"{Model.Kind}, {Model.Dimension} units: density of states ({Density.Method}), ln sum g = {Numbers.Table(Density.LogStates)}"))
            .AddColumns("E", "ln g(E)", "± error");
        if (Exact.IsSome) density.AddColumns("exact ln g(E)", "difference");
        foreach (var column in density.Columns) column.RightAligned();
        for (var k = 0; k < Density.Energies.Length; k++)
        {
            var cells = new List<string> { Numbers.Table(Density.Energies[k]), Numbers.Table(Density.LogG[k]), Error(Density.LogGError[k]) };
            if (Exact.IsSome)
            {
                var logG = ExactLogG(k);
                cells.Add(logG.Match(Numbers.Table, () => "—"));
                cells.Add(logG.Match(value => Numbers.Table(Density.LogG[k] - value), () => "—"));
            }

            density.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        var thermo = new Table()
            .Title(Markup.Escape("from g(E): log Z(β) = log Σ g(E) e^(−βE), with standard errors from the walkers' spread"))
            .AddColumns("β", "T = 1/β", "log Z", "U = ⟨E⟩", "F = −log Z/β", "S = β(U − F)", "C = β² Var E")
            .Caption(Markup.Escape(Caption()));
        foreach (var column in thermo.Columns) column.RightAligned();
        foreach (var r in Rows)
            thermo.AddRow(Numbers.Table(r.Beta), Numbers.Table(r.Temperature), WithError(r.LogZ), WithError(r.MeanEnergy),
                WithError(r.FreeEnergy), WithError(r.Entropy), WithError(r.HeatCapacity));
        var console = context.ResultConsole();
        console.Write(density);
        console.Write(thermo);
    }

    private string Caption() =>
        Seed.Match(
            Some: seed => string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}, {Density.Walkers} walkers, {Density.Sweeps} sweeps in all, flatness {Request.Flatness}, final ln f {Request.FinalLogF:G3}, {Seconds:F1} s"),
            None: () => string.Create(CultureInfo.InvariantCulture, $"every state counted, {Seconds:F1} s"));

    /// <summary>The exact ln g at the energy of level <paramref name="level"/>, where an exact density was counted and has that energy.</summary>
    private Option<double> ExactLogG(int level) =>
        Exact.Bind(e => e.LevelOf(Density.Energies[level]).Map(k => e.LogG[k]));

    private static void Measured(System.Text.Json.Utf8JsonWriter w, string name, Measured value)
    {
        ResultJson.Number(w, name, value.Value);
        ResultJson.Number(w, name + "Error", value.Error);
    }

    private static string Error(double error) => double.IsFinite(error) ? Short(error) : "n/a (one walker)";

    /// <summary>An error bar to three significant digits: more would be noise.</summary>
    private static string Short(double error) => error.ToString("G3", CultureInfo.InvariantCulture);

    private static string WithError(Measured value) =>
        value.Error == 0 || !double.IsFinite(value.Value) ? Numbers.Table(value.Value) : $"{Numbers.Table(value.Value)} ± {Short(value.Error)}";
}
