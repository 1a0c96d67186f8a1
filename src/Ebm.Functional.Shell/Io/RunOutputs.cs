namespace Ebm.Functional.Shell.Io;

/// <summary>The outputs of one run, each checked by <see cref="RunFiles.Check"/>, found by their label.</summary>
public sealed class RunOutputs
{
    internal RunOutputs(IReadOnlyList<OutputFile> files) => Files = files;

    /// <summary>Every requested output, in the order declared.</summary>
    public IReadOnlyList<OutputFile> Files { get; }

    /// <summary>The output declared as <paramref name="label"/>, or null when it was not requested.</summary>
    public OutputFile? Find(string label) => Files.FirstOrDefault(f => f.Label == label);
}
