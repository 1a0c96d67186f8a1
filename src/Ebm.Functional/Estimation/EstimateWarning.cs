namespace Ebm.Functional.Estimation;

/// <summary>Something the user should know before believing an estimate.</summary>
/// <param name="Code">A stable short name (<see cref="EstimateWarnings"/> lists them).</param>
/// <param name="Message">One sentence for people.</param>
public sealed record EstimateWarning(string Code, string Message)
{
    /// <summary>
    /// True when the warning means "do not trust this number" (the estimate or its error bar is unreliable), false
    /// for a caveat that leaves the estimate usable (<see cref="EstimateWarnings.IsUnreliable"/>).
    /// </summary>
    public bool MeansUnreliable => EstimateWarnings.IsUnreliable(Code);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
