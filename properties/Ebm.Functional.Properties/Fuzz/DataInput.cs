namespace Ebm.Functional.Properties.Fuzz;

/// <summary>A data file's bytes and the width the reader is asked for.</summary>
public sealed record DataInput(FuzzInput File, int Columns)
{
    /// <inheritdoc />
    public override string ToString() => $"{Columns} columns; {File}";
}
