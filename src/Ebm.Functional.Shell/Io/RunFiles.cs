using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The files one run reads and writes, declared once before the work; <see cref="Check"/> validates every
/// output and returns the <see cref="OutputFile"/>s to write through, or every problem at once.
/// </summary>
/// <remarks>
/// <para>Beyond each output's own checks (<see cref="OutputFile.Check(string, OutputFormat, CancellationToken)"/>):
/// an output that is the same file as an input is refused, and so are two outputs naming one file. "The same
/// file" is the same device and inode (a symbolic or hard link, "./m.json" and "m.json" all count), or for a file
/// not yet created the same directory and name; off Linux, the same full path with links resolved. Devices and
/// FIFOs are exempt: writing to them overwrites nothing (an input read from /dev/stdin may go with an output to
/// /dev/stdout on the same terminal). Inputs that do not exist are left to their reader to report.</para>
/// <example><code>
/// var outputs = new RunFiles().Input("MODEL.json", modelPath).Output("--out", csvPath).Check(cancellation);
/// // later, after the work: outputs.Find("--out")?.WriteAllText(csv)
/// </code></example>
/// </remarks>
public sealed class RunFiles
{
    private readonly Seq<(string Label, string Path)> _inputs;
    private readonly Seq<(string Label, string Path, OutputFormat Format)> _outputs;

    /// <summary>No files yet.</summary>
    public RunFiles()
        : this(Seq<(string, string)>(), Seq<(string, string, OutputFormat)>())
    {
    }

    private RunFiles(Seq<(string Label, string Path)> inputs, Seq<(string Label, string Path, OutputFormat Format)> outputs)
    {
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <summary>A file the run reads (null: none given).</summary>
    public RunFiles Input(string label, string? path) => path is null ? this : new RunFiles(_inputs.Add((label, path)), _outputs);

    /// <summary>A file the run writes (null: not requested), named <paramref name="label"/> in messages.</summary>
    public RunFiles Output(string label, string? path, OutputFormat format = OutputFormat.Any) =>
        path is null ? this : new RunFiles(_inputs, _outputs.Add((label, path, format)));

    /// <summary>
    /// Checks every output and the clashes between files; no file is written. Each output's writes observe
    /// <paramref name="cancellation"/>.
    /// </summary>
    public Fin<RunOutputs> Check(CancellationToken cancellation = default)
    {
        var errors = new List<Error>();
        var outputs = new List<OutputFile>();
        foreach (var (label, path, format) in _outputs)
            OutputFile.Check(label, path, format, cancellation).Match(outputs.Add, errors.Add);

        var inputs = _inputs.Choose(i => IdentityOf(i.Path).Map(identity => (i.Label, i.Path, Identity: identity))).ToList();
        var stored = outputs.Where(o => !o.WritesThrough).ToList();
        for (var k = 0; k < stored.Count; k++)
        {
            var output = stored[k];
            foreach (var input in inputs.Where(i => i.Identity == output.Identity))
                errors.Add(FileErrors.SameAsInput(output.Label, output.Path, input.Label, input.Path));
            if (stored.Take(k).FirstOrDefault(o => o.Identity == output.Identity) is { } earlier)
                errors.Add(FileErrors.SameOutput(output.Label, output.Path, earlier.Label, earlier.Path));
        }

        return errors.Count == 0 ? FinSucc(new RunOutputs(outputs)) : FinFail<RunOutputs>(Error.Many(errors.ToSeq()));
    }

    private static Option<FileIdentity> IdentityOf(string path)
    {
        try
        {
            var facts = FileFacts.Of(Path.GetFullPath(path));
            return facts.Kind == FileKind.Missing ? None : Some(facts.Identity);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return None;
        }
    }
}
