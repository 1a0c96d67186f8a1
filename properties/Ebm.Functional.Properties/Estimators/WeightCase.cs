namespace Ebm.Functional.Properties.Estimators;

/// <summary>A weight vector (1..6 entries, some possibly zero) and an ancestor count 1..8.</summary>
public sealed record WeightCase(double[] Weights, int Count)
{
    /// <inheritdoc />
    public override string ToString() => $"weights=[{string.Join(", ", Weights)}] N={Count}";
}
