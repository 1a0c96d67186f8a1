using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Schedules;

namespace Ebm.Fuzz;

/// <summary>
/// One fuzz target per reader: each takes any bytes, runs the reader's public entry, and throws
/// <see cref="FuzzFinding"/> (or lets the reader's exception through) when the outcome breaks the contract.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The target names, as given on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["model", "data", "schedule", "options"];

    /// <summary>Runs the target called <paramref name="name"/> on <paramref name="input"/>.</summary>
    public static void Run(string name, byte[] input)
    {
        switch (name)
        {
            case "model": Model(input); break;
            case "data": Data(input); break;
            case "schedule": Schedule(input); break;
            case "options": OptionsHarness.Run(input); break;
            default: throw new ArgumentException($"unknown fuzz target \"{name}\"; the targets are {string.Join(", ", Names)}", nameof(name));
        }
    }

    /// <summary>A model file: a model that serializes and reads back equal, or expected errors.</summary>
    public static void Model(ReadOnlyMemory<byte> file)
    {
        foreach (var model in ReaderOutcome.Check(ModelFile.Parse(file), ReaderCatalogues.Model, "model file"))
        {
            var json = ModelFile.Serialize(model);
            var again = ReaderOutcome.Check(ModelFile.Parse(json), ReaderCatalogues.Model, "saved model file");
            if (!again.Exists(m => m.Equals(model)))
                throw new FuzzFinding($"model file: a loaded {model.Kind} model does not read back equal from its saved form:\n{json}");
        }
    }

    /// <summary>
    /// The data target's input: the first byte picks the width (1 + byte mod 8 values a row, so '2' is 3),
    /// the rest is the data file; an empty input is no file.
    /// </summary>
    public static void Data(byte[] input)
    {
        if (input.Length > 0) Data(input.AsMemory(1), 1 + input[0] % 8);
    }

    /// <summary>
    /// A binary data file (the format of <c>--data</c>) read with rows of <paramref name="columns"/> values: a matrix
    /// of that width holding only 0 and 1, or expected errors.
    /// </summary>
    public static void Data(ReadOnlyMemory<byte> file, int columns)
    {
        foreach (var data in ReaderOutcome.Check(DataFile.ParseBinary("data.txt", file, columns), ReaderCatalogues.Data, "data file"))
        {
            if (data.Rows < 1 || data.Columns != columns) throw new FuzzFinding($"data file: read {data.Rows} x {data.Columns}, expected rows of {columns}");
            foreach (var x in data.Span)
                if (x is not (0.0 or 1.0)) throw new FuzzFinding($"data file: binary data hold {x}");
        }
    }

    /// <summary>A schedule file: points from exactly 0 to exactly 1, finite and strictly increasing, or expected errors.</summary>
    public static void Schedule(ReadOnlyMemory<byte> file)
    {
        foreach (var schedule in ReaderOutcome.Check(ScheduleFile.Parse("schedule.txt", file), ReaderCatalogues.Schedule, "schedule file"))
        {
            var points = schedule.Points.Span;
            if (points.Length < 2) throw new FuzzFinding($"schedule file: {points.Length} points");
            if (points[0] != 0.0 || points[^1] != 1.0) throw new FuzzFinding($"schedule file: points from {points[0]} to {points[^1]}");
            for (var k = 1; k < points.Length; k++)
                if (!(points[k] > points[k - 1]) || !double.IsFinite(points[k])) throw new FuzzFinding($"schedule file: point {k} = {points[k]} after {points[k - 1]}");
        }
    }
}
