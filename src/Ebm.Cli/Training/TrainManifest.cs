using System.Text.Json;
using Ebm.Cli.Cost;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Training;
using LanguageExt;

namespace Ebm.Cli.Training;

/// <summary>
/// <c>manifest.json</c>: what produced the folder (the seed, the full configuration, the library's version and
/// commit, the matrix-product backend, the runtime), what was trained on, and the final metrics.
/// </summary>
internal static class TrainManifest
{
    /// <summary>The manifest's JSON text; a run on a cluster adds a <c>cluster</c> object naming the gateway and the workers used.</summary>
    public static string Write(TrainSettings settings, string settingsJson, TrainingData data, string modelKind, int dimension, long steps, int epochs,
        Seq<EvaluationRow> history, RunCost cost, bool forced, int? resumedFromEpoch, double seconds, IEnumerable<string> files, (string Gateway, IReadOnlyList<string> Workers)? cluster = null) =>
        ResultJson.Object(w =>
        {
            w.WriteString("tool", "ebm train");
            w.WriteString("version", VersionReport.Version);
            if (VersionReport.Commit is { } commit) w.WriteString("commit", commit);
            else w.WriteNull("commit");
            w.WriteString("matrixProduct", VersionReport.MatrixProductBackend());
            w.WriteString("runtime", VersionReport.Runtime);
            w.WriteNumber("seed", settings.Seed);
            w.WritePropertyName("config");
            w.WriteRawValue(settingsJson);
            w.WriteStartObject("data");
            w.WriteString("description", data.Description);
            w.WriteNumber("trainExamples", data.Train.Rows);
            w.WriteNumber("testExamples", data.Test.Match(t => t.Rows, () => 0));
            w.WriteNumber("width", data.Train.Columns);
            data.SourceLogLikelihood.IfSome(v => ResultJson.Number(w, "sourceLogLikelihood", v));
            if (settings.IsNetwork && data.Train.Columns - (settings.Model == "mlp-classifier" ? 1 : 0) == 2)
                data.GaussianLogLikelihood().IfSome(v => ResultJson.Number(w, "gaussianLogLikelihood", v));
            w.WriteEndObject();
            w.WriteString("model", modelKind);
            w.WriteNumber("dimension", dimension);
            w.WriteNumber("epochs", epochs);
            w.WriteNumber("steps", steps);
            if (resumedFromEpoch is { } epoch) w.WriteNumber("resumedFromEpoch", epoch);
            else w.WriteNull("resumedFromEpoch");
            w.WriteStartObject("finalMetrics");
            if (!history.IsEmpty)
                foreach (var metric in history.Last.Metrics) ResultJson.Number(w, metric.Name, metric.Value);
            w.WriteEndObject();
            cost.Json(w, forced);
            w.WriteNumber("seconds", seconds);
            w.WriteStartArray("files");
            foreach (var file in files) w.WriteStringValue(file);
            w.WriteEndArray();
            if (cluster is not { } used) return;
            w.WriteStartObject("cluster");
            w.WriteString("address", used.Gateway);
            w.WriteStartArray("workers");
            foreach (var worker in used.Workers) w.WriteStringValue(worker);
            w.WriteEndArray();
            w.WriteEndObject();
        });
}
