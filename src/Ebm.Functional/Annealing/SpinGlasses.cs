using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Seeded spin-glass instances as <see cref="BoltzmannMachine"/>s over spins, E(s) = -sum_{i&lt;j} J_ij s_i s_j (no
/// field): the Sherrington-Kirkpatrick model (Sherrington and Kirkpatrick 1975) with every pair coupled by
/// J_ij ~ N(0, 1/n), and the Edwards-Anderson model (Edwards and Anderson 1975) on an L x L torus with +-1 or Gaussian
/// nearest-neighbour bonds.
/// </summary>
/// <remarks>
/// The instance is a pure function of the key: the SK bond of pair i &lt; j is normal draw i n + j; the EA bonds of
/// site s = r L + c to its right and down neighbours are draws 2s and 2s + 1 (uniform for +-1: J = -1 below 1/2, else
/// +1). On a side of 2 the torus couples a pair twice (right and left neighbour coincide), and the two bonds add, as
/// on the Ising lattice. The SK ground-state energy per spin tends to -0.7633 as n grows (Parisi 1980), and the
/// +-J EA ground state on a large square torus to about -1.40 per spin (Hartmann and Young 2001).
/// <example><code>
/// SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(3), spins: 64).Match(
///     Succ: model =&gt; Console.WriteLine(model.Couplings[0, 1]),
///     Fail: errors =&gt; Console.WriteLine(errors.Head));
/// </code></example>
/// </remarks>
public static class SpinGlasses
{
    /// <summary>The model kind of an SK instance in reports.</summary>
    public const string SherringtonKirkpatrickName = "sherrington-kirkpatrick";

    /// <summary>The largest Edwards-Anderson side: L^2 spins stay within the dense machine's limit.</summary>
    public static int MaxSide => (int)Math.Sqrt(ModelLimits.MaxBoltzmannUnits);

    /// <summary>An SK instance of <paramref name="spins"/> spins (at least 2), J_ij ~ N(0, 1/n).</summary>
    public static Validation<Error, BoltzmannMachine> SherringtonKirkpatrick(RngKey key, int spins)
    {
        if (spins < 2 || spins > ModelLimits.MaxBoltzmannUnits)
            return Fail<Error, BoltzmannMachine>(SimulatedAnnealingErrors.InvalidInstance(
                $"a Sherrington-Kirkpatrick instance has 2 to {ModelLimits.MaxBoltzmannUnits} spins, not {spins}"));
        var scale = 1.0 / Math.Sqrt(spins);
        var couplings = Mat.Create(spins, spins, d =>
        {
            for (var i = 0; i < spins; i++)
            for (var j = i + 1; j < spins; j++)
            {
                var bond = scale * key.NormalAt((long)i * spins + j);
                d[i * spins + j] = bond;
                d[j * spins + i] = bond;
            }
        });
        return BoltzmannMachine.Create(couplings, Vec.Zeros(spins), StateConvention.Spin);
    }

    /// <summary>An EA instance on the <paramref name="side"/> x <paramref name="side"/> torus (side 2 to <see cref="MaxSide"/>).</summary>
    public static Validation<Error, BoltzmannMachine> EdwardsAnderson(RngKey key, int side, SpinGlassBonds bonds)
    {
        if (side < 2 || side > MaxSide)
            return Fail<Error, BoltzmannMachine>(SimulatedAnnealingErrors.InvalidInstance(
                $"an Edwards-Anderson torus has a side of 2 to {MaxSide} (at most {ModelLimits.MaxBoltzmannUnits} spins), not {side}"));
        var n = side * side;
        var couplings = Mat.Create(n, n, d =>
        {
            for (var r = 0; r < side; r++)
            for (var c = 0; c < side; c++)
            {
                var site = r * side + c;
                Couple(d, n, site, r * side + (c + 1) % side, Bond(key, 2L * site, bonds));
                Couple(d, n, site, (r + 1) % side * side + c, Bond(key, 2L * site + 1, bonds));
            }
        });
        return BoltzmannMachine.Create(couplings, Vec.Zeros(n), StateConvention.Spin);
    }

    private static double Bond(RngKey key, long index, SpinGlassBonds bonds) => bonds switch
    {
        SpinGlassBonds.PlusMinusOne => key.UniformAt(index) < 0.5 ? -1.0 : 1.0,
        _ => key.NormalAt(index),
    };

    private static void Couple(Span<double> couplings, int n, int i, int j, double bond)
    {
        couplings[i * n + j] += bond;
        couplings[j * n + i] += bond;
    }
}
