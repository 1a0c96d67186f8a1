using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Hmc;

/// <summary>
/// The leapfrog (Stoermer-Verlet) integrator of Hamilton's equations for H(x, p) = beta E(x) + 1/2 p^T M^-1 p
/// with a diagonal mass M.
/// </summary>
/// <remarks>
/// <para>One step of size h: p &lt;- p - (h/2) beta grad E(x); x &lt;- x + h M^-1 p; p &lt;- p - (h/2) beta grad E(x).
/// The map is symplectic, hence volume preserving, and time reversible: integrating, negating p and
/// integrating again returns the start (Leimkuhler and Reich 2004; Neal 2011, section 5.2.3). Both facts
/// are what make HMC's Metropolis correction with min(1, exp(-Delta H)) exact.</para>
/// <para>When an energy becomes NaN or infinite the integration stops at that point (its momentum half
/// step is not taken): the trajectory is unusable and the caller rejects it.</para>
/// </remarks>
public static class Leapfrog
{
    /// <summary>
    /// Integrates <paramref name="steps"/> leapfrog steps of size <paramref name="stepSize"/> from
    /// (<paramref name="position"/>, <paramref name="momentum"/>); a negative step size integrates backwards.
    /// </summary>
    /// <param name="model">The energy E.</param>
    /// <param name="beta">Inverse temperature: the potential is beta E.</param>
    /// <param name="stepSize">h, finite.</param>
    /// <param name="steps">Number of steps L, at least 0.</param>
    /// <param name="inverseMassDiagonal">The diagonal of M^-1 (d), positive.</param>
    /// <param name="position">Start x (d).</param>
    /// <param name="momentum">Start p (d).</param>
    /// <returns>The end point with its energy and gradient.</returns>
    public static LeapfrogPoint Integrate(
        IContinuousModel model, double beta, double stepSize, int steps, Vec inverseMassDiagonal, Vec position, Vec momentum)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var d = model.Dimension;
        if (position.Length != d || momentum.Length != d || inverseMassDiagonal.Length != d)
            throw new ArgumentException($"position, momentum and inverse mass must all have the model's dimension {d}");
        var x = position.ToArray();
        var p = momentum.ToArray();
        var gradient = new double[d];
        var energy = model.Energy(x);
        model.EnergyGradient(x, gradient);
        energy = IntegrateInPlace(model, beta, stepSize, steps, inverseMassDiagonal.Span, x, p, gradient, energy);
        return new LeapfrogPoint(Vec.Wrap(x), Vec.Wrap(p), energy, Vec.Wrap(gradient));
    }

    /// <summary>
    /// The allocation-free form: advances x, p and the cached gradient in place from the cached
    /// <paramref name="energy"/> and returns the final energy.
    /// </summary>
    internal static double IntegrateInPlace(
        IContinuousModel model, double beta, double stepSize, int steps, ReadOnlySpan<double> inverseMassDiagonal,
        Span<double> x, Span<double> p, Span<double> gradient, double energy)
    {
        var halfKick = 0.5 * stepSize * beta;
        for (var s = 0; s < steps; s++)
        {
            for (var j = 0; j < x.Length; j++) p[j] -= halfKick * gradient[j];
            for (var j = 0; j < x.Length; j++) x[j] += stepSize * inverseMassDiagonal[j] * p[j];
            energy = model.Energy(x);
            if (!double.IsFinite(energy)) return energy;
            model.EnergyGradient(x, gradient);
            for (var j = 0; j < x.Length; j++) p[j] -= halfKick * gradient[j];
        }

        return energy;
    }

    /// <summary>The kinetic energy 1/2 p^T M^-1 p for a diagonal M^-1.</summary>
    internal static double KineticEnergy(ReadOnlySpan<double> momentum, ReadOnlySpan<double> inverseMassDiagonal)
    {
        var sum = 0.0;
        for (var j = 0; j < momentum.Length; j++) sum += inverseMassDiagonal[j] * momentum[j] * momentum[j];
        return 0.5 * sum;
    }
}
