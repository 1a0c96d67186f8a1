using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// JSON model files: load, parse, serialize and save every model kind.
/// </summary>
/// <remarks>
/// <para>The format is one JSON object whose <c>kind</c> names the model; the other keys are the
/// kind's fields (keys are case-sensitive; an unknown key is an error, so a typo cannot pass silently):</para>
/// <list type="bullet">
/// <item><c>{"kind":"bernoulli-rbm","weights":[[...] x nv rows of nh],"visibleBias":[nv],"hiddenBias":[nh]}</c></item>
/// <item><c>{"kind":"gaussian-bernoulli-rbm", the same fields, "sigma":[nv]}</c></item>
/// <item><c>{"kind":"ising","rows":L,"columns":M,"boundary":"periodic"|"open","coupling":J,"field":h}</c>
/// (boundary, coupling and field default to "periodic", 1 and 0)</item>
/// <item><c>{"kind":"potts"|"clock","rows":L,"columns":M,"states":q,"coupling":J,"field":h,"boundary":"periodic"|"open"}</c>:
/// a q-state Potts or clock lattice, 2 &lt;= q &lt;= 256 (coupling, field and boundary default to 1, 0 and "periodic")</item>
/// <item><c>{"kind":"boltzmann-machine","states":"binary"|"spin","couplings":[[n x n]],"biases":[n]}</c></item>
/// <item><c>{"kind":"gaussian","mean":[d],"precision":[[d x d]]}</c></item>
/// <item><c>{"kind":"double-well","barrier":B,"stiffness":S}</c> (defaults 1, 1)</item>
/// <item><c>{"kind":"ring","radius":R,"scale":S}</c> (defaults 1, 0.1)</item>
/// <item><c>{"kind":"gaussian-mixture-2d","weights":[K],"means":[[x,y] x K],"sigmas":[K]}</c></item>
/// <item><c>{"kind":"mlp"|"mlp-classifier","activation":"softplus"|"tanh"|"silu","shift":[d],"scale":[d],
/// "layers":[{"weights":[[...] x outputs rows of inputs],"bias":[outputs]}, ...]}</c>: the layers input side first, the
/// last with one output (mlp: the energy) or one per class (mlp-classifier: the logits); x enters as (x - shift) / scale</item>
/// </list>
/// <para>A bad file yields an error that names the field and the problem; several problems come
/// back together as a <see cref="ManyErrors"/>. Numbers must be finite: JSON has no NaN literal, and
/// strings such as "NaN" or numbers that overflow to infinity (1e999) are rejected.</para>
/// <example><code>
/// var model = ModelFile.Parse("""{"kind":"gaussian","mean":[0,0],"precision":[[1,0],[0,1]]}""");
/// var logZ = model.Bind(m =&gt; LogPartition.Exact(m, 1.0)).Map(r =&gt; r.LogZ); // Succ(log 2 pi = 1.8378770664)
/// var saved = model.Bind(m =&gt; ModelFile.Save("gaussian.json", m));
/// </code></example>
/// </remarks>
public static class ModelFile
{
    /// <summary>The largest model file read: 256 MiB. Larger files are refused before they are read.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The kinds a model file may name.</summary>
    public static IReadOnlyList<string> Kinds => ModelReaders.Kinds;

    /// <summary>Reads and parses the model file at <paramref name="path"/>; errors start with the path.</summary>
    public static Fin<IEnergyModel> Load(string path) => Load(path, MaxFileBytes);

    /// <summary>
    /// As <see cref="Load(string)"/> with an explicit byte limit. A file that starts as a zip archive is read as a model
    /// archive (<see cref="ModelNpz"/>: the arrays <c>W</c>, <c>b</c>, <c>c</c>, <c>sigma</c> NumPy writes), so every
    /// command that takes a model file takes the <c>model.npz</c> of <c>ebm train</c> or of <c>np.savez</c> too.
    /// </summary>
    public static Fin<IEnergyModel> Load(string path, long maxBytes) =>
        BoundedFile.ReadAllBytes(path, maxBytes)
            .Bind(bytes => NpzArchive.StartsWithMagic(bytes)
                ? ModelNpz.Parse(bytes, path)
                : Parse(new ReadOnlyMemory<byte>(bytes)).BiMap(model => model, error => Prefix(error, path)));

    /// <summary>The deepest nesting of arrays and objects read; deeper text is refused as not valid JSON (a model file nests 3 deep).</summary>
    public const int MaxNesting = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxNesting, CommentHandling = JsonCommentHandling.Disallow };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxNesting, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// Parses the JSON text of a model file. A string holding half of a UTF-16 surrogate pair (no character)
    /// is refused like the bytes of <see cref="Parse(ReadOnlyMemory{byte})"/> that are not UTF-8.
    /// </summary>
    public static Fin<IEnergyModel> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(json.Length)];
        return Utf8.FromUtf16(json, bytes, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? Parse(new ReadOnlyMemory<byte>(bytes, 0, written))
            : FinFail<IEnergyModel>(HalfSurrogate(json, read));
    }

    /// <summary>
    /// Parses UTF-8 bytes of a model file (a leading byte-order mark is allowed). Any byte string gives a model or
    /// an expected error of <see cref="ModelFileErrors"/>, <see cref="Ebm.Functional.Models.ModelErrors"/> or
    /// <see cref="TextErrors"/>: bytes that are not UTF-8, text that is not JSON, nesting deeper than
    /// <see cref="MaxNesting"/>, escapes that are no character, and every structural and semantic problem.
    /// </summary>
    public static Fin<IEnergyModel> Parse(ReadOnlyMemory<byte> utf8)
    {
        var text = Utf8Text.WithoutByteOrderMark(utf8);
        return Utf8Text.Check(text.Span, source: null).Bind(_ => ParseJson(text));
    }

    private static Fin<IEnergyModel> ParseJson(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            if (JsonSurrogates.First(utf8.Span, ReaderOptions) is { } found)
            {
                var at = TextPosition.Of(utf8.Span, found.Offset);
                return FinFail<IEnergyModel>(ModelFileErrors.HalfSurrogate(at.Line, at.Position, $"the escape {found.Escape}"));
            }

            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return FinFail<IEnergyModel>(NotJson(e));
        }
    }

    /// <summary>A .NET string can hold a lone surrogate code unit outright; report it by its line and character.</summary>
    private static Error HalfSurrogate(string json, int index)
    {
        var at = TextPosition.Of(json.AsSpan(), index);
        return ModelFileErrors.HalfSurrogate(at.Line, at.Position, $"the character U+{(int)json[index]:X4}");
    }

    /// <summary>The model-file JSON of <paramref name="model"/>; <see cref="Parse(string)"/> of it gives an equal model.</summary>
    /// <exception cref="NotSupportedException">The model type has no file format (a programmer error).</exception>
    public static string Serialize(IEnergyModel model) => ModelWriter.Write(model);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static Fin<Unit> Save(string path, IEnergyModel model) => AtomicFile.WriteAllText(path, Serialize(model));

    private static Fin<IEnergyModel> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return FinFail<IEnergyModel>(ModelFileErrors.NotAnObject(JsonModelReader.Describe(root)));
        if (!root.TryGetProperty("kind", out var kind)) return FinFail<IEnergyModel>(ModelFileErrors.MissingKind(Kinds));
        if (kind.ValueKind != JsonValueKind.String)
            return FinFail<IEnergyModel>(ModelFileErrors.WrongType("kind", $"a string, one of {string.Join(", ", Kinds)}", JsonModelReader.Describe(kind)));
        return ModelReaders.Read(kind.GetString()!, new JsonModelReader(root));
    }

    /// <summary>System.Text.Json counts lines and bytes from 0; people count from 1.</summary>
    private static Error NotJson(JsonException e)
    {
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        return ModelFileErrors.NotJson((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, EchoedText.OneLine(reason.TrimEnd('.', ' ')));
    }

    private static Error Prefix(Error error, string path) => error switch
    {
        ManyErrors many => Error.Many(many.Errors.Map(e => Prefix(e, path))),
        _ when error.IsExpected => Error.New(error.Code, $"{path}: {error.Message}"),
        _ => error,
    };
}
