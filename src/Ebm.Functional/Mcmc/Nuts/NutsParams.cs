using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Nuts;

/// <summary>The tuning of NUTS: leapfrog step size h, the diagonal of M^-1 and the largest tree depth.</summary>
/// <param name="StepSize">Leapfrog step h, positive and finite.</param>
/// <param name="InverseMassDiagonal">Diagonal of the inverse mass matrix M^-1 (d), positive and finite; ideally the target's marginal variances.</param>
/// <param name="MaxTreeDepth">
/// Most doublings of a trajectory, 1 to 30: a trajectory has at most 2^depth - 1 leapfrog steps beyond its start
/// (<see cref="Nuts.DefaultMaxTreeDepth"/> = 10, Stan's default, allows 1023).
/// </param>
public sealed record NutsParams(double StepSize, Vec InverseMassDiagonal, int MaxTreeDepth = Nuts.DefaultMaxTreeDepth)
{
    /// <summary>Throws for a parameter outside its range or a mass of the wrong dimension (programmer errors).</summary>
    internal void Check(int dimension)
    {
        if (!(StepSize > 0) || !double.IsFinite(StepSize))
            throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "the step size must be positive and finite");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTreeDepth, 1, nameof(MaxTreeDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTreeDepth, 30, nameof(MaxTreeDepth));
        if (InverseMassDiagonal.Length != dimension)
            throw new ArgumentException($"the inverse mass diagonal has {InverseMassDiagonal.Length} entries, the model has dimension {dimension}", nameof(InverseMassDiagonal));
        foreach (var m in InverseMassDiagonal.Span)
            if (!(m > 0) || !double.IsFinite(m))
                throw new ArgumentException("every inverse mass must be positive and finite", nameof(InverseMassDiagonal));
    }
}
