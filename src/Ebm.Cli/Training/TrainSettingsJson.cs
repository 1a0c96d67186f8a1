using System.Text.Json;
using Ebm.Cli.Output;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// <c>ebm train CONFIG.json</c>: the options as one JSON object, one key per option (the option's name in camel case:
/// <c>--test-fraction</c> is <c>testFraction</c>, <c>--lr</c> is <c>lr</c>); an unknown key is an error naming it.
/// Relative paths in a configuration file are read from the file's folder.
/// </summary>
/// <example><code>
/// {"model": "bernoulli-rbm", "hidden": 8, "data": "builtin:bars-and-stripes:3", "objective": "exact",
///  "optimizer": "adam", "lr": 0.05, "epochs": 200, "out": "bas-exact"}
/// </code></example>
internal static class TrainSettingsJson
{
    /// <summary>The largest configuration file read: 1 MiB.</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>Each key with the option it stands for.</summary>
    public static readonly IReadOnlyList<(string Key, string Option)> Keys =
    [
        ("model", "--model"), ("hidden", "--hidden"), ("data", "--data"), ("test", "--test"), ("testFraction", "--test-fraction"),
        ("objective", "--objective"), ("k", "--k"), ("chains", "--chains"), ("replicas", "--replicas"), ("optimizer", "--optimizer"),
        ("lr", "--lr"), ("weightDecay", "--weight-decay"), ("epochs", "--epochs"), ("batch", "--batch"), ("evalEvery", "--eval-every"),
        ("seed", "--seed"), ("out", "--out"), ("resume", "--resume"), ("init", "--init"), ("learnSigma", "--learn-sigma"), ("force", "--force"),
        ("binarize", "--binarize"), ("array", "--array"), ("precision", "--precision"),
        ("layers", "--layers"), ("activation", "--activation"), ("noiseScales", "--noise-scales"), ("noiseRatio", "--noise-ratio"),
        ("projections", "--projections"), ("langevinSteps", "--langevin-steps"), ("langevinStepSize", "--langevin-step-size"),
        ("langevinNoise", "--langevin-noise"), ("buffer", "--buffer"), ("energyRegularisation", "--energy-regularisation"),
        ("cluster", "--cluster"), ("clusterName", "--cluster-name"), ("clusterTimeout", "--cluster-timeout"),
    ];

    /// <summary>
    /// What a configuration gives beyond the settings: the folder to resume, whether the budget is waived, and the cluster
    /// to train on (where a run computes is not a setting of the run: its checkpoint and outputs are the same anywhere).
    /// </summary>
    public sealed record Extras(string? Resume, bool Force, string? Cluster = null, string? ClusterName = null, double? ClusterTimeout = null);

    /// <summary>Reads the configuration text of <paramref name="path"/> over <paramref name="settings"/>.</summary>
    public static Fin<(TrainSettings Settings, Extras Extras)> Parse(string path, string text, TrainSettings settings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return FinFail<(TrainSettings, Extras)>(TrainConfigErrors.NotObject(path, $"not JSON ({e.Message})"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return FinFail<(TrainSettings, Extras)>(TrainConfigErrors.NotObject(path, "expected one JSON object of options"));
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var errors = new List<Error>();
            var extras = new Extras(null, false);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var read = Apply(path, folder, property, settings, extras);
                read.Match(r => (settings, extras) = r, e => errors.Add(e));
            }

            return errors.Count == 0 ? FinSucc((settings, extras)) : FinFail<(TrainSettings, Extras)>(Error.Many(errors.ToSeq()));
        }
    }

    private static Fin<(TrainSettings, Extras)> Apply(string path, string folder, JsonProperty p, TrainSettings s, Extras x)
    {
        var v = p.Value;
        Fin<(TrainSettings, Extras)> Set(TrainSettings next) => FinSucc((next, x));
        Fin<(TrainSettings, Extras)> Wrong(string expected) => FinFail<(TrainSettings, Extras)>(TrainConfigErrors.WrongType(path, p.Name, expected));
        string? Text() => v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string? File() => Text() is { Length: > 0 } t ? Path.GetFullPath(Path.Combine(folder, t)) : null;
        int? Whole() => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
        double? Real() => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
        const string text = "a string", whole = "a whole number", real = "a finite number", path_ = "a path (a non-empty string)";
        return p.Name switch
        {
            "model" => Text() is { } m ? Set(s with { Model = m }) : Wrong(text),
            "hidden" => Whole() is { } h ? Set(s with { Hidden = h }) : Wrong(whole),
            "data" => Text() is { Length: > 0 } d ? Set(s with { Data = d.StartsWith("builtin:", StringComparison.Ordinal) ? d : File()! }) : Wrong(path_),
            "test" => v.ValueKind == JsonValueKind.Null ? Set(s with { Test = null }) : File() is { } t ? Set(s with { Test = t }) : Wrong(path_ + " or null"),
            "testFraction" => Real() is { } f ? Set(s with { TestFraction = f }) : Wrong(real),
            "objective" => Text() is { } o ? Set(s with { Objective = o }) : Wrong(text),
            "k" => Whole() is { } k ? Set(s with { K = k }) : Wrong(whole),
            "chains" => Whole() is { } c ? Set(s with { Chains = c }) : Wrong(whole),
            "replicas" => Whole() is { } r ? Set(s with { Replicas = r }) : Wrong(whole),
            "optimizer" => Text() is { } o ? Set(s with { Optimizer = o }) : Wrong(text),
            "lr" => Real() is { } lr ? Set(s with { LearningRate = lr }) : Wrong(real),
            "weightDecay" => Real() is { } w ? Set(s with { WeightDecay = w }) : Wrong(real),
            "epochs" => Whole() is { } e ? Set(s with { Epochs = e }) : Wrong(whole),
            "batch" => Whole() is { } b ? Set(s with { Batch = b }) : Wrong(whole),
            "evalEvery" => Whole() is { } n ? Set(s with { EvalEvery = n }) : Wrong(whole),
            "seed" => v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out var seed) ? Set(s with { Seed = seed }) : Wrong($"a whole number from 0 to {ulong.MaxValue}"),
            "out" => File() is { } o ? Set(s with { Out = o }) : Wrong(path_),
            "init" => v.ValueKind == JsonValueKind.Null ? Set(s with { Init = null }) : File() is { } i ? Set(s with { Init = i }) : Wrong(path_ + " or null"),
            "resume" => v.ValueKind == JsonValueKind.Null ? FinSucc((s, x with { Resume = null })) : File() is { } r ? FinSucc((s, x with { Resume = r })) : Wrong(path_ + " or null"),
            "binarize" => v.ValueKind == JsonValueKind.Null ? Set(s with { Binarize = null }) : Text() is { } b ? Set(s with { Binarize = b }) : Wrong(text + " or null"),
            "array" => v.ValueKind == JsonValueKind.Null ? Set(s with { Array = null }) : Text() is { } a ? Set(s with { Array = a }) : Wrong(text + " or null"),
            "precision" => Text() is { } pr ? Set(s with { Precision = pr }) : Wrong(text),
            "layers" => v.ValueKind == JsonValueKind.Null ? Set(s with { Layers = null }) : Text() is { } l ? Set(s with { Layers = l }) : Wrong(text + " (2x64 or 64,32) or null"),
            "activation" => Text() is { } a ? Set(s with { Activation = a }) : Wrong(text),
            "noiseScales" => Text() is { } ns ? Set(s with { NoiseScales = ns })
                : v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number)
                    ? Set(s with { NoiseScales = string.Join(",", v.EnumerateArray().Select(e => e.GetRawText())) })
                    : Wrong("an array of numbers or a string of numbers separated by commas"),
            "noiseRatio" => Real() is { } nr ? Set(s with { NoiseRatio = nr }) : Wrong(real),
            "projections" => Whole() is { } pj ? Set(s with { Projections = pj }) : Wrong(whole),
            "langevinSteps" => Whole() is { } ls ? Set(s with { LangevinSteps = ls }) : Wrong(whole),
            "langevinStepSize" => Real() is { } le ? Set(s with { LangevinStepSize = le }) : Wrong(real),
            "langevinNoise" => v.ValueKind == JsonValueKind.Null ? Set(s with { LangevinNoise = null }) : Real() is { } ln ? Set(s with { LangevinNoise = ln }) : Wrong(real + " or null"),
            "buffer" => Whole() is { } bf ? Set(s with { Buffer = bf }) : Wrong(whole),
            "energyRegularisation" => Real() is { } er ? Set(s with { EnergyRegularisation = er }) : Wrong(real),
            "learnSigma" => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? Set(s with { LearnSigma = v.GetBoolean() }) : Wrong("true or false"),
            "cluster" => v.ValueKind == JsonValueKind.Null ? FinSucc((s, x with { Cluster = null })) : Text() is { } c ? FinSucc((s, x with { Cluster = c })) : Wrong("HOST:PORT (a string) or null"),
            "clusterName" => Text() is { } cn ? FinSucc((s, x with { ClusterName = cn })) : Wrong(text),
            "clusterTimeout" => Real() is { } ct ? FinSucc((s, x with { ClusterTimeout = ct })) : Wrong(real),
            "force" => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? FinSucc((s, x with { Force = v.GetBoolean() })) : Wrong("true or false"),
            _ => FinFail<(TrainSettings, Extras)>(TrainConfigErrors.UnknownKey(path, Quote(p.Name), Keys.Select(k => k.Key))),
        };
    }

    /// <summary>
    /// The settings as a configuration object, every key written (the defaults too; the keys of the neural families only
    /// for them), paths as full paths, numbers at
    /// full precision: read back by <see cref="Parse"/>, it gives the same settings, which is how a checkpoint
    /// remembers its run.
    /// </summary>
    public static string Write(TrainSettings s) =>
        ResultJson.Object(w =>
        {
            w.WriteString("model", s.Model);
            if (s.Hidden != 0) w.WriteNumber("hidden", s.Hidden);
            w.WriteString("data", s.Data.StartsWith("builtin:", StringComparison.Ordinal) ? s.Data : Path.GetFullPath(s.Data));
            if (s.Test is null) w.WriteNull("test");
            else w.WriteString("test", Path.GetFullPath(s.Test));
            w.WriteNumber("testFraction", s.TestFraction);
            w.WriteString("objective", s.Objective);
            w.WriteNumber("k", s.K);
            w.WriteNumber("chains", s.Chains);
            w.WriteNumber("replicas", s.Replicas);
            w.WriteString("optimizer", s.Optimizer);
            w.WriteNumber("lr", s.LearningRate);
            w.WriteNumber("weightDecay", s.WeightDecay);
            w.WriteNumber("epochs", s.Epochs);
            w.WriteNumber("batch", s.Batch);
            w.WriteNumber("evalEvery", s.EvalEvery);
            w.WriteNumber("seed", s.Seed);
            w.WriteString("out", Path.GetFullPath(s.Out));
            if (s.Init is null) w.WriteNull("init");
            else w.WriteString("init", Path.GetFullPath(s.Init));
            w.WriteBoolean("learnSigma", s.LearnSigma);
            if (s.Binarize is null) w.WriteNull("binarize");
            else w.WriteString("binarize", s.Binarize);
            if (s.Array is null) w.WriteNull("array");
            else w.WriteString("array", s.Array);
            w.WriteString("precision", s.Precision);
            if (!s.IsNetwork) return;
            w.WriteString("layers", s.Layers ?? TrainSettings.DefaultLayers);
            w.WriteString("activation", s.Activation);
            w.WriteString("noiseScales", s.NoiseScales);
            w.WriteNumber("noiseRatio", s.NoiseRatio);
            w.WriteNumber("projections", s.Projections);
            w.WriteNumber("langevinSteps", s.LangevinSteps);
            w.WriteNumber("langevinStepSize", s.LangevinStepSize);
            if (s.LangevinNoise is { } noise) w.WriteNumber("langevinNoise", noise);
            else w.WriteNull("langevinNoise");
            w.WriteNumber("buffer", s.Buffer);
            w.WriteNumber("energyRegularisation", s.EnergyRegularisation);
        });

    /// <summary>
    /// A key as messages show it: JSON-quoted (control characters escaped), cut at 60 characters, with a "did you mean"
    /// hint for a known key at most two edits away ("hiden" is "hidden" misspelt).
    /// </summary>
    private static string Quote(string key)
    {
        var quoted = JsonSerializer.Serialize(key.Length <= 60 ? key : key[..60] + "...");
        var near = Keys.Select(k => k.Key).Where(k => Math.Abs(k.Length - key.Length) <= 2).FirstOrDefault(k => EditDistance(key, k) <= Math.Min(2, k.Length / 2));
        return near is null ? quoted : $"{quoted} (did you mean \"{near}\"?)";
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (same ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
