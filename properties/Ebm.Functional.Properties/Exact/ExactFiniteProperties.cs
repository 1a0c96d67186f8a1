using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// Over random Ising lattices, Boltzmann machines and (Gaussian-)Bernoulli RBMs with parameters of any magnitude
/// (|value| = 10^u, u uniform over the whole double range or narrower, both signs, some zeros) and beta from 0 to
/// 1e308 (beta &gt; 0 for the Gaussian-Bernoulli RBM, whose visible integral diverges at 0), every exact method returns either an expected numerical error or a result whose every number is finite
/// (F = -infinity exactly at beta = 0); and where nothing can overflow, Auto succeeds and agrees with brute force.
/// </summary>
/// <remarks>
/// "Nothing can overflow" means: the energy bound B = sum |term| at most 1e150 (so every energy, in any summation
/// order, and Var(E) &lt;= B^2 are doubles), beta B &lt;= 1e300 and |log Z| / beta &lt;= 1e300. The brute force
/// (<see cref="ExactReference"/>) takes the energies from the models' definitions, written in
/// <see cref="ExtremeCase"/>. Tolerances: each energy carries rounding of order eps B (eps = 2.2e-16, times a few
/// terms), which moves every log weight by at most eta = 1e-14 beta B; so log Z agrees to 1e-9 (1 + |log Z|) + eta,
/// U to 1e-9 B + eta B, Var(E) to 1e-9 B^2 + eta B^2 (both plus the absolute spacing of subnormal numbers),
/// S to 1e-9 + 4 eta and C to (1e-9 + eta)(1 + beta B)^2.
/// </remarks>
public class ExactFiniteProperties
{
    [Property(MaxTest = 3000)]
    public Property Every_exact_method_gives_finite_numbers_or_an_expected_error() =>
        Prop.ForAll(Arb.From(ExtremeCase.Any()), c =>
        {
            var problems = new List<string>();
            foreach (var method in c.Methods)
            {
                var result = LogPartition.Exact(c.Model, c.Beta, method);
                result.Match(
                    r => problems.AddRange(NonFinite(r).Select(p => $"{method}: {p}")),
                    e =>
                    {
                        var continuousAtZero = c.Beta == 0.0 && c.Model is GaussianBernoulliRbm && e.Code == ExactErrors.InvalidBetaCode;
                        if (continuousAtZero) return;
                        if (!e.IsExpected || !ExactErrors.IsNumerical(e))
                            problems.Add($"{method}: unexpected error {e.Code}: {e.Message}");
                        else if (ExactErrors.IsNumerical(e) && !e.Message.Contains("at beta"))
                            problems.Add($"{method}: the error does not name beta: {e.Message}");
                    });
            }

            return (problems.Count == 0).Label($"{c.Description}: {string.Join(" | ", problems)}");
        });

    [Property(MaxTest = 3000)]
    public Property Where_nothing_can_overflow_auto_succeeds_and_agrees_with_brute_force() =>
        Prop.ForAll(Arb.From(ExtremeCase.Any().Where(c => c.Energies is not null)), c =>
        {
            var reference = ExactReference.Of(c.Energies!, c.Beta);
            var safe = reference is not null && c.Bound <= 1e150 && c.Beta * c.Bound <= 1e300 &&
                       (c.Beta == 0.0 || Math.Abs(reference.LogZ) / c.Beta <= 1e300);
            if (!safe) return true.Label("outside the representable range: covered by the other property");
            return LogPartition.Exact(c.Model, c.Beta).Match(
                r => Agreement(r, reference!, c).Label($"{c.Description}: got log Z {r.LogZ:R}, U {r.MeanEnergy:R}, Var {r.EnergyVariance:R}, S {r.Entropy:R}, C {r.HeatCapacity:R}; " +
                                                      $"brute force {reference!.LogZ:R}, {reference.MeanEnergy:R}, {reference.EnergyVariance:R}, {reference.Entropy:R}, {reference.HeatCapacity:R}"),
                e => false.Label($"{c.Description}: refused a representable case: {e.Message}"));
        });

    /// <summary>
    /// Below 2.2e-308 doubles are spaced 4.9e-324 apart whatever their size, so U and Var(E) that small carry an
    /// absolute rounding of that spacing per operation; 2048 spacings cover the sums over at most 2^6 states.
    /// </summary>
    private const double Subnormal = 2048 * double.Epsilon;

    private static bool Agreement(ExactResult r, ExactReference reference, ExtremeCase c)
    {
        var eta = 1e-14 * c.Beta * c.Bound;
        var scale = 1.0 + c.Beta * c.Bound;
        return Math.Abs(r.LogZ - reference.LogZ) <= 1e-9 * (1.0 + Math.Abs(reference.LogZ)) + eta &&
               Math.Abs(r.MeanEnergy - reference.MeanEnergy) <= (1e-9 + eta) * c.Bound + Subnormal &&
               Math.Abs(r.EnergyVariance - reference.EnergyVariance) <= (1e-9 + eta) * c.Bound * c.Bound + Subnormal &&
               Math.Abs(r.Entropy - reference.Entropy) <= 1e-9 + 4.0 * eta &&
               Math.Abs(r.HeatCapacity - reference.HeatCapacity) <= (1e-9 + eta) * scale * scale;
    }

    /// <summary>The fields of <paramref name="r"/> that are not finite (or negative where they cannot be), checked here directly.</summary>
    private static IEnumerable<string> NonFinite(ExactResult r)
    {
        if (!double.IsFinite(r.LogZ)) yield return $"log Z = {r.LogZ}";
        if (!double.IsFinite(r.MeanEnergy)) yield return $"U = {r.MeanEnergy}";
        if (!(double.IsFinite(r.EnergyVariance) && r.EnergyVariance >= 0)) yield return $"Var E = {r.EnergyVariance}";
        if (!(double.IsFinite(r.FreeEnergy) || (r.Beta == 0.0 && double.IsNegativeInfinity(r.FreeEnergy)))) yield return $"F = {r.FreeEnergy}";
        if (!double.IsFinite(r.Entropy)) yield return $"S = {r.Entropy}";
        if (!(double.IsFinite(r.HeatCapacity) && r.HeatCapacity >= 0)) yield return $"C = {r.HeatCapacity}";
        foreach (var m in r.Magnetisation)
        {
            if (!double.IsFinite(m.Mean) || !double.IsFinite(m.MeanSquare)) yield return $"<M> = {m.Mean}, <M^2> = {m.MeanSquare}";
            if (m.MeanAbsolute.Exists(x => !double.IsFinite(x)) || m.MeanFourth.Exists(x => !double.IsFinite(x))) yield return "<|M|> or <M^4> not finite";
        }
    }
}
