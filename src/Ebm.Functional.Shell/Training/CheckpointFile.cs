using System.Text;
using System.Text.Json;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// Training checkpoints as one JSON file, written atomically (a reader sees the previous checkpoint or the new one,
/// never a torn file) and read back to the bit.
/// </summary>
/// <remarks>
/// <para>The object holds <c>format</c> ("ebm-train-checkpoint"), <c>version</c> (1), <c>settings</c> (the run's
/// configuration), <c>model</c> (the model file of <see cref="ModelFile"/>), <c>optimizer</c> (the
/// <see cref="TransformState"/>: <c>count</c>, <c>buffers</c>, <c>inner</c>), <c>chains</c> (each
/// <c>{"rows", "columns", "values"}</c>, row-major), <c>key</c> (the root key's two 32-bit words), <c>step</c>,
/// <c>epoch</c> and <c>history</c> (<c>[{"epoch", "step", "metrics": {name: value}}]</c>, a non-finite metric as
/// null).</para>
/// <para>Every double is written as the shortest decimal that reads back to the same double (.NET's round-trip
/// formatting) and read with correct rounding, so a state survives the file exactly: a run resumed from it makes
/// the same updates, bit for bit.</para>
/// </remarks>
public static class CheckpointFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string Format = "ebm-train-checkpoint";

    /// <summary>The format version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The largest checkpoint read: 2 GiB.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024 - 1;

    /// <summary>The checkpoint's JSON text.</summary>
    public static string Serialize<TModel>(TrainCheckpoint<TModel> checkpoint)
        where TModel : IEnergyModel
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            var state = checkpoint.State;
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WritePropertyName("settings");
            w.WriteRawValue(checkpoint.Settings);
            w.WritePropertyName("model");
            w.WriteRawValue(ModelFile.Serialize(state.Model));
            w.WritePropertyName("optimizer");
            WriteOptimizer(w, state.Optimizer);
            w.WriteStartArray("chains");
            foreach (var chain in state.Chains)
            {
                w.WriteStartObject();
                w.WriteNumber("rows", chain.Rows);
                w.WriteNumber("columns", chain.Columns);
                WriteNumbers(w, "values", chain.Span);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("key");
            w.WriteNumberValue(state.Key.K0);
            w.WriteNumberValue(state.Key.K1);
            w.WriteEndArray();
            w.WriteNumber("step", state.Step);
            w.WriteNumber("epoch", state.Epoch);
            WriteHistory(w, checkpoint.History);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="file"/> (atomically for a regular file).</summary>
    public static Fin<Unit> Save<TModel>(OutputFile file, TrainCheckpoint<TModel> checkpoint)
        where TModel : IEnergyModel
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.WriteAllText(Serialize(checkpoint));
    }

    /// <summary>The settings of the checkpoint at <paramref name="path"/>, to learn which family to <see cref="Load{TModel}"/>.</summary>
    public static Fin<string> Settings(string path) =>
        Document(path).Map(document =>
        {
            using (document) return document.RootElement.GetProperty("settings").GetRawText();
        });

    /// <summary>Reads the checkpoint at <paramref name="path"/>; an error names the path and the problem.</summary>
    public static Fin<TrainCheckpoint<TModel>> Load<TModel>(string path)
        where TModel : IEnergyModel =>
        Document(path).Bind(document =>
        {
            using (document) return Read<TModel>(path, document.RootElement);
        });

    private static Fin<JsonDocument> Document(string path) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes =>
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                return FinFail<JsonDocument>(CheckpointErrors.NotCheckpoint(path, $"not JSON: {e.Message}"));
            }

            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String &&
                format.GetString() == Format && root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number &&
                version.TryGetInt32(out var v) && v == Version && root.TryGetProperty("settings", out var settings) && settings.ValueKind == JsonValueKind.Object)
                return FinSucc(document);
            document.Dispose();
            return FinFail<JsonDocument>(CheckpointErrors.NotCheckpoint(path, $"no \"format\": \"{Format}\", \"version\": {Version} and \"settings\" object"));
        });

    private static Fin<TrainCheckpoint<TModel>> Read<TModel>(string path, JsonElement root)
        where TModel : IEnergyModel
    {
        try
        {
            return ModelFile.Parse(root.GetProperty("model").GetRawText())
                .BiMap(model => model, e => CheckpointErrors.Malformed(path, $"model: {e.Message}"))
                .Bind(model => model is TModel typed
                    ? FinSucc(typed)
                    : FinFail<TModel>(CheckpointErrors.WrongModel(path, typeof(TModel).Name, model.Kind)))
                .Bind(model =>
                {
                    var key = root.GetProperty("key");
                    if (key.GetArrayLength() != 2) return FinFail<TrainCheckpoint<TModel>>(CheckpointErrors.Malformed(path, "key: expected two words"));
                    var state = new TrainState<TModel>(
                        model,
                        ReadOptimizer(root.GetProperty("optimizer")),
                        root.GetProperty("chains").EnumerateArray().Select(ReadMatrix).ToSeq().Strict(),
                        new RngKey(key[0].GetUInt32(), key[1].GetUInt32()),
                        root.GetProperty("step").GetInt64(),
                        root.GetProperty("epoch").GetInt32());
                    var history = root.GetProperty("history").EnumerateArray().Select(ReadRow).ToSeq().Strict();
                    return FinSucc(new TrainCheckpoint<TModel>(state, history, root.GetProperty("settings").GetRawText()));
                });
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or OverflowException)
        {
            return FinFail<TrainCheckpoint<TModel>>(CheckpointErrors.Malformed(path, e.Message));
        }
    }

    private static void WriteOptimizer(Utf8JsonWriter w, TransformState state)
    {
        w.WriteStartObject();
        w.WriteNumber("count", state.Count);
        w.WriteStartArray("buffers");
        foreach (var buffer in state.Buffers) WriteNumbers(w, null, buffer.Span);
        w.WriteEndArray();
        w.WriteStartArray("inner");
        foreach (var inner in state.Inner) WriteOptimizer(w, inner);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static TransformState ReadOptimizer(JsonElement e) =>
        new(e.GetProperty("count").GetInt64(),
            e.GetProperty("buffers").EnumerateArray().Select(b => Vec.From(ReadNumbers(b))).ToSeq().Strict(),
            e.GetProperty("inner").EnumerateArray().Select(ReadOptimizer).ToSeq().Strict());

    private static Mat ReadMatrix(JsonElement e)
    {
        int rows = e.GetProperty("rows").GetInt32(), columns = e.GetProperty("columns").GetInt32();
        var values = ReadNumbers(e.GetProperty("values"));
        if (rows < 0 || columns < 0 || (long)rows * columns != values.Length)
            throw new FormatException($"chains: a {rows} x {columns} matrix has {values.Length} values");
        return Mat.From(rows, columns, values);
    }

    private static void WriteHistory(Utf8JsonWriter w, Seq<EvaluationRow> history)
    {
        w.WriteStartArray("history");
        foreach (var row in history)
        {
            w.WriteStartObject();
            w.WriteNumber("epoch", row.Epoch);
            w.WriteNumber("step", row.Step);
            w.WriteStartObject("metrics");
            foreach (var metric in row.Metrics)
                if (double.IsFinite(metric.Value)) w.WriteNumber(metric.Name, metric.Value);
                else w.WriteNull(metric.Name);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static EvaluationRow ReadRow(JsonElement e) =>
        new(e.GetProperty("epoch").GetInt32(),
            e.GetProperty("step").GetInt64(),
            e.GetProperty("metrics").EnumerateObject()
                .Select(p => new Metric(p.Name, p.Value.ValueKind == JsonValueKind.Null ? double.NaN : p.Value.GetDouble())).ToSeq().Strict());

    private static void WriteNumbers(Utf8JsonWriter w, string? name, ReadOnlySpan<double> values)
    {
        if (name is null) w.WriteStartArray();
        else w.WriteStartArray(name);
        foreach (var value in values) w.WriteNumberValue(value);
        w.WriteEndArray();
    }

    private static double[] ReadNumbers(JsonElement e)
    {
        var values = new double[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray()) values[i++] = item.GetDouble();
        return values;
    }
}
