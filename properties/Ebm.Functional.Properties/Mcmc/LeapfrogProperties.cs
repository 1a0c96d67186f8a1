using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The leapfrog map is time reversible and volume preserving (Leimkuhler and Reich 2004), the two facts
/// HMC's acceptance rule rests on, checked on random Gaussians, double wells and rings.
/// </summary>
/// <remarks>
/// <para>Step sizes are drawn below the stability limit h omega &lt; 2 of the stiffest direction met
/// (Gaussian: omega^2 &lt;= beta lambda_max(P) max(M^-1) &lt;= 2 * 18 * 2; double well and ring within the
/// sampled box: omega^2 &lt;= 2 * 12 * 5 * 9 * 2), so trajectories stay bounded and round-off is not amplified
/// exponentially.</para>
/// <para>Reversibility: forward L steps, negate p, forward L steps, negate p: the start again, to
/// 1e-11 (1 + |x| + |p|) (a few hundred roundings of size 1e-16 on values of that size).</para>
/// <para>Volume: the Jacobian of (x, p) -&gt; (x', p') by central differences with step 1e-5 has
/// determinant 1. Truncation is 1e-10 times the third derivatives; rounding per entry about
/// 2e-16 |map| / 1e-5; the determinant's error is bounded by 2d ||J||^2 times the entry error, so the
/// tolerance is 1e-8 (1 + ||J||_max^2).</para>
/// </remarks>
[Properties(Arbitrary = [typeof(ContinuousArbitraries), typeof(LeapfrogProperties)], MaxTest = 100)]
public sealed class LeapfrogProperties
{
    /// <summary>Integration settings: beta, step size, number of steps, inverse masses in [0.5, 2], a momentum in [-2, 2]^d.</summary>
    public sealed record Settings(double Beta, double Fraction, int Steps, double[] InverseMass, double[] Momentum)
    {
        /// <inheritdoc />
        public override string ToString() => $"beta {Beta:R}, fraction {Fraction:R}, L {Steps}, M^-1 [{string.Join(", ", InverseMass)}], p [{string.Join(", ", Momentum)}]";
    }

    /// <summary>Settings for up to 4 dimensions (the first d entries are used).</summary>
    public static Arbitrary<Settings> SettingsCases() =>
        (from beta in ContinuousArbitraries.Uniform(0.3, 2)
         from fraction in ContinuousArbitraries.Uniform(0.05, 1)
         from steps in Gen.Choose(1, 20)
         from mass in Gen.ArrayOf(ContinuousArbitraries.Uniform(0.5, 2), 4)
         from momentum in Gen.ArrayOf(ContinuousArbitraries.Uniform(-2, 2), 4)
         select new Settings(beta, fraction, steps, mass, momentum)).ToArbitrary();

    private const double GaussianMaxStep = 0.2;
    private const double ToyMaxStep = 0.02;

    [Property]
    public bool Gaussian_leapfrog_is_reversible(ContinuousArbitraries.GaussianCase c, Settings s) =>
        Reversible(c.Model, c.Point, s, GaussianMaxStep);

    [Property]
    public bool Double_well_leapfrog_is_reversible(ContinuousArbitraries.DoubleWellCase c, Settings s) =>
        Reversible(c.Model, c.Point, s, ToyMaxStep);

    [Property]
    public bool Ring_leapfrog_is_reversible(ContinuousArbitraries.RingCase c, Settings s) =>
        Reversible(c.Model, c.Point, s, ToyMaxStep);

    [Property]
    public bool Gaussian_leapfrog_preserves_volume(ContinuousArbitraries.GaussianCase c, Settings s) =>
        VolumePreserving(c.Model, c.Point, s, GaussianMaxStep);

    [Property]
    public bool Double_well_leapfrog_preserves_volume(ContinuousArbitraries.DoubleWellCase c, Settings s) =>
        VolumePreserving(c.Model, c.Point, s, ToyMaxStep);

    [Property]
    public bool Ring_leapfrog_preserves_volume(ContinuousArbitraries.RingCase c, Settings s) =>
        VolumePreserving(c.Model, c.Point, s, ToyMaxStep);

    private static bool Reversible(IContinuousModel model, double[] point, Settings s, double maxStep)
    {
        var d = point.Length;
        var inverseMass = Vec.Of(s.InverseMass[..d]);
        var h = s.Fraction * maxStep;
        var forward = Leapfrog.Integrate(model, s.Beta, h, s.Steps, inverseMass, Vec.Of(point), Vec.Of(s.Momentum[..d]));
        var back = Leapfrog.Integrate(model, s.Beta, h, s.Steps, inverseMass, forward.Position, forward.Momentum.Map(v => -v));
        var scale = 1.0;
        for (var j = 0; j < d; j++) scale += Math.Abs(forward.Position[j]) + Math.Abs(forward.Momentum[j]);
        for (var j = 0; j < d; j++)
        {
            if (!(Math.Abs(back.Position[j] - point[j]) <= 1e-11 * scale)) return false;
            if (!(Math.Abs(-back.Momentum[j] - s.Momentum[j]) <= 1e-11 * scale)) return false;
        }

        return true;
    }

    private static bool VolumePreserving(IContinuousModel model, double[] point, Settings s, double maxStep)
    {
        const double delta = 1e-5;
        var d = point.Length;
        var n = 2 * d;
        var inverseMass = Vec.Of(s.InverseMass[..d]);
        var h = s.Fraction * maxStep;
        var start = point.Concat(s.Momentum[..d]).ToArray();
        var jacobian = new double[n, n];
        var largest = 0.0;
        for (var k = 0; k < n; k++)
        {
            var plus = Map(Shifted(k, delta));
            var minus = Map(Shifted(k, -delta));
            for (var i = 0; i < n; i++)
            {
                jacobian[i, k] = (plus[i] - minus[i]) / (2 * delta);
                largest = Math.Max(largest, Math.Abs(jacobian[i, k]));
            }
        }

        return Math.Abs(Determinant(jacobian) - 1) <= 1e-8 * (1 + largest * largest);

        double[] Shifted(int k, double by)
        {
            var z = (double[])start.Clone();
            z[k] += by;
            return z;
        }

        double[] Map(double[] z)
        {
            var end = Leapfrog.Integrate(model, s.Beta, h, s.Steps, inverseMass, Vec.Of(z[..d]), Vec.Of(z[d..]));
            return end.Position.ToArray().Concat(end.Momentum.ToArray()).ToArray();
        }
    }

    /// <summary>det A by Gaussian elimination with partial pivoting.</summary>
    private static double Determinant(double[,] a)
    {
        var n = a.GetLength(0);
        var m = (double[,])a.Clone();
        var det = 1.0;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (m[pivot, col] == 0) return 0;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                det = -det;
            }

            det *= m[col, col];
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var k = col; k < n; k++) m[r, k] -= factor * m[col, k];
            }
        }

        return det;
    }
}
