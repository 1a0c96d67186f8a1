using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// The continuous counterpart of <see cref="ExactFiniteProperties"/>: double wells, rings, 2-D mixtures and 2-D
/// Gaussians with parameters 10^u (u over the whole double range or narrower) at beta &gt; 0 from 1e-300 to 1e300
/// give finite numbers or an expected error whose message prints no NaN; and a 2-D Gaussian's closed form and
/// quadrature, where both answer, agree to 1e-9 on log Z, beta U, S and C (the quadrature promises 1e-10 relative,
/// and all four are of order 1 in units of kT whatever the scale).
/// </summary>
public class ContinuousExactProperties
{
    private static readonly (double Low, double High)[] Styles = [(-300.0, 300.0), (-20.0, 20.0), (-2.0, 1.0)];

    private static Gen<double> Magnitude((double Low, double High) style) =>
        Gen.Choose((int)(style.Low * 1000), (int)(style.High * 1000)).Select(u => Math.Pow(10.0, u / 1000.0));

    private static Gen<double> Signed((double Low, double High) style) =>
        from negative in Gen.Elements(false, true)
        from magnitude in Magnitude(style)
        select negative ? -magnitude : magnitude;

    private static Gen<(IContinuousModel Model, double Beta)> Cases() =>
        from style in Gen.Elements(Styles)
        from beta in Magnitude(style)
        from kind in Gen.Choose(0, 3)
        from a in Magnitude(style)
        from b in Magnitude(style)
        from m in Gen.ArrayOf(Signed(style), 4)
        select (kind switch
        {
            0 => (IContinuousModel)Valid(DoubleWell.Create(a, b)),
            1 => Valid(RingEnergy.Create(a, b)),
            2 => Valid(GaussianMixture2D.Create(Vec.Of(0.5, 0.5), Mat.FromRows([[m[0], m[1]], [m[2], m[3]]]), Vec.Of(a, b))),
            _ => Valid(GaussianModel.Create(Vec.Of(m[0], m[1]), Mat.FromRows([[a, 0.0], [0.0, b]]))),
        }, beta);

    private static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> v) => v.Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    [Property(MaxTest = 40)]
    public Property Quadrature_and_closed_forms_give_finite_numbers_or_an_expected_error() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var methods = c.Model is GaussianModel ? new[] { ExactMethod.Auto, ExactMethod.Quadrature } : [ExactMethod.Auto];
            var outcomes = methods.Select(method => LogPartition.Exact(c.Model, c.Beta, method)).ToArray();
            var problems = outcomes.SelectMany(o => o.Match(
                r => new[] { r.LogZ, r.MeanEnergy, r.EnergyVariance, r.FreeEnergy, r.Entropy, r.HeatCapacity }.All(double.IsFinite) ? [] : new[] { $"non-finite {r}" },
                e => e.IsExpected && !e.Message.Contains("NaN") ? [] : new[] { $"error {e.Code}: {e.Message}" })).ToList();
            if (outcomes.Length == 2 && outcomes.All(o => o.IsSucc))
            {
                var (closed, quadrature) = ((ExactResult)outcomes[0], (ExactResult)outcomes[1]);
                static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-9 * (1.0 + Math.Abs(x));
                if (!Close(closed.LogZ, quadrature.LogZ) || !Close(closed.Entropy, quadrature.Entropy) || !Close(closed.HeatCapacity, quadrature.HeatCapacity) ||
                    !Close(c.Beta * closed.MeanEnergy, c.Beta * quadrature.MeanEnergy))
                    problems.Add($"closed form {closed} S {closed.Entropy:R} C {closed.HeatCapacity:R} vs quadrature {quadrature} S {quadrature.Entropy:R} C {quadrature.HeatCapacity:R}");
            }

            return (problems.Count == 0).Label($"{c.Model} at beta {c.Beta:R}: {string.Join(" | ", problems)}");
        });
}
