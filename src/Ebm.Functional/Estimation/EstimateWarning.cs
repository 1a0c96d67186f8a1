namespace Ebm.Functional.Estimation;

/// <summary>Something the user should know before believing an estimate.</summary>
/// <remarks>
/// A warning whose code means "do not trust this number" (<see cref="MeansUnreliable"/>) always says so: a message
/// that does not already contain <see cref="EstimateWarnings.DoNotTrust"/> gets "; do not trust this estimate" appended.
/// </remarks>
/// <param name="Code">A stable short name (<see cref="EstimateWarnings"/> lists them).</param>
/// <param name="Message">One sentence for people.</param>
public sealed record EstimateWarning(string Code, string Message)
{
    private readonly string _message = Said(Code, Message);

    /// <summary>One sentence for people; for an unreliable code it says not to trust the estimate.</summary>
    public string Message
    {
        get => _message;
        init => _message = Said(Code, value);
    }

    /// <summary>
    /// True when the warning means "do not trust this number" (the estimate or its error bar is unreliable), false
    /// for a caveat that leaves the estimate usable (<see cref="EstimateWarnings.IsUnreliable"/>).
    /// </summary>
    public bool MeansUnreliable => EstimateWarnings.IsUnreliable(Code);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";

    private static string Said(string code, string message) =>
        EstimateWarnings.IsUnreliable(code) && !message.Contains(EstimateWarnings.DoNotTrust, StringComparison.OrdinalIgnoreCase)
            ? $"{message.TrimEnd('.', ' ')}; {EstimateWarnings.DoNotTrust} this estimate"
            : message;
}
