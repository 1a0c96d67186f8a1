using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Hmc;

/// <summary>The tuning of HMC: leapfrog step size h, number of leapfrog steps L and the diagonal of M^-1.</summary>
/// <param name="StepSize">Leapfrog step h, positive and finite.</param>
/// <param name="LeapfrogSteps">Steps per trajectory L, at least 1; the trajectory length is h L.</param>
/// <param name="InverseMassDiagonal">Diagonal of the inverse mass matrix M^-1 (d), positive and finite; ideally the target's marginal variances.</param>
public sealed record HmcParams(double StepSize, int LeapfrogSteps, Vec InverseMassDiagonal)
{
    /// <summary>Throws for a parameter outside its range or a mass of the wrong dimension (programmer errors).</summary>
    internal void Check(int dimension)
    {
        if (!(StepSize > 0) || !double.IsFinite(StepSize))
            throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "the step size must be positive and finite");
        ArgumentOutOfRangeException.ThrowIfLessThan(LeapfrogSteps, 1, nameof(LeapfrogSteps));
        if (InverseMassDiagonal.Length != dimension)
            throw new ArgumentException($"the inverse mass diagonal has {InverseMassDiagonal.Length} entries, the model has dimension {dimension}", nameof(InverseMassDiagonal));
        foreach (var m in InverseMassDiagonal.Span)
            if (!(m > 0) || !double.IsFinite(m))
                throw new ArgumentException("every inverse mass must be positive and finite", nameof(InverseMassDiagonal));
    }
}
