using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Models;

/// <summary>
/// Generators of continuous models with parameters and points on bounded ranges (so that the
/// finite-difference tolerances of the laws can be stated), each paired with a point to probe.
/// </summary>
public static class ContinuousArbitraries
{
    /// <summary>A Gaussian energy (d = 1..4, P = A A^T + delta I with |A_ij| &lt;= 1, delta in [0.3, 2], |mu_i| &lt;= 2) and a point in [-3, 3]^d.</summary>
    public sealed record GaussianCase(GaussianModel Model, double[] Point)
    {
        /// <inheritdoc />
        public override string ToString() => $"mean {Model.Mean}, precision {string.Join(";", Model.Precision.ToRows().Select(r => string.Join(",", r)))}, x [{string.Join(", ", Point)}]";
    }

    /// <summary>A Gaussian energy in the plane, drawn as in <see cref="GaussianCase"/> with d = 2.</summary>
    public sealed record PlaneGaussianCase(GaussianModel Model)
    {
        /// <inheritdoc />
        public override string ToString() => $"mean {Model.Mean}, precision {string.Join(";", Model.Precision.ToRows().Select(r => string.Join(",", r)))}";
    }

    /// <summary>Double-well parameters (barrier in [0.1, 5], stiffness in [0.1, 5]) and a point in [-3, 3]^2.</summary>
    public sealed record DoubleWellCase(double Barrier, double Stiffness, double[] Point)
    {
        /// <summary>The model with these parameters.</summary>
        public DoubleWell Model => (DoubleWell)DoubleWell.Create(Barrier, Stiffness);

        /// <inheritdoc />
        public override string ToString() => $"barrier {Barrier:R}, stiffness {Stiffness:R}, x [{string.Join(", ", Point)}]";
    }

    /// <summary>Ring parameters (radius in [0.3, 2], scale in [0.05, 3]) and a point in [-3, 3]^2.</summary>
    public sealed record RingCase(double Radius, double Scale, double[] Point)
    {
        /// <summary>The model with these parameters.</summary>
        public RingEnergy Model => (RingEnergy)RingEnergy.Create(Radius, Scale);

        /// <inheritdoc />
        public override string ToString() => $"radius {Radius:R}, scale {Scale:R}, x [{string.Join(", ", Point)}]";
    }

    /// <summary>A mixture of 1..3 components (weights in [0.1, 3], means in [-2, 2]^2, sigmas in [0.5, 2]) and a point in [-2, 2]^2.</summary>
    public sealed record MixtureCase(double[] Weights, double[] Means, double[] Sigmas, double[] Point)
    {
        /// <summary>The model with these parameters.</summary>
        public GaussianMixture2D Model => Build(Weights, Means, Sigmas);

        /// <summary>The mixture with the given (possibly perturbed) parameters.</summary>
        public static GaussianMixture2D Build(double[] weights, double[] means, double[] sigmas) =>
            (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(weights), Mat.From(weights.Length, 2, means), Vec.Of(sigmas));

        /// <inheritdoc />
        public override string ToString() =>
            $"weights [{string.Join(", ", Weights)}], means [{string.Join(", ", Means)}], sigmas [{string.Join(", ", Sigmas)}], x [{string.Join(", ", Point)}]";
    }

    /// <summary>Gaussian cases.</summary>
    public static Arbitrary<GaussianCase> GaussianCases() =>
        (from d in Gen.Choose(1, 4)
         from a in Gen.ArrayOf(Uniform(-1, 1), d * d)
         from delta in Uniform(0.3, 2)
         from mean in Gen.ArrayOf(Uniform(-2, 2), d)
         from point in Gen.ArrayOf(Uniform(-3, 3), d)
         select new GaussianCase(Gaussian(a, delta, mean), point)).ToArbitrary();

    /// <summary>Gaussian cases in the plane.</summary>
    public static Arbitrary<PlaneGaussianCase> PlaneGaussianCases() =>
        (from a in Gen.ArrayOf(Uniform(-1, 1), 4)
         from delta in Uniform(0.3, 2)
         from mean in Gen.ArrayOf(Uniform(-2, 2), 2)
         select new PlaneGaussianCase(Gaussian(a, delta, mean))).ToArbitrary();

    /// <summary>Double-well cases.</summary>
    public static Arbitrary<DoubleWellCase> DoubleWellCases() =>
        (from barrier in Uniform(0.1, 5)
         from stiffness in Uniform(0.1, 5)
         from point in Gen.ArrayOf(Uniform(-3, 3), 2)
         select new DoubleWellCase(barrier, stiffness, point)).ToArbitrary();

    /// <summary>Ring cases.</summary>
    public static Arbitrary<RingCase> RingCases() =>
        (from radius in Uniform(0.3, 2)
         from scale in Uniform(0.05, 3)
         from point in Gen.ArrayOf(Uniform(-3, 3), 2)
         select new RingCase(radius, scale, point)).ToArbitrary();

    /// <summary>Mixture cases.</summary>
    public static Arbitrary<MixtureCase> MixtureCases() =>
        (from k in Gen.Choose(1, 3)
         from weights in Gen.ArrayOf(Uniform(0.1, 3), k)
         from means in Gen.ArrayOf(Uniform(-2, 2), 2 * k)
         from sigmas in Gen.ArrayOf(Uniform(0.5, 2), k)
         from point in Gen.ArrayOf(Uniform(-2, 2), 2)
         select new MixtureCase(weights, means, sigmas, point)).ToArbitrary();

    /// <summary>A double uniform on [low, high] with 2^30 levels.</summary>
    public static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 1 << 30).Select(i => low + (high - low) * (i / (double)(1 << 30)));

    /// <summary>The Gaussian with precision A A^T + delta I (positive definite by construction).</summary>
    public static GaussianModel Gaussian(double[] a, double delta, double[] mean)
    {
        var d = mean.Length;
        var precision = Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                var sum = i == j ? delta : 0.0;
                for (var k = 0; k < d; k++) sum += a[i * d + k] * a[j * d + k];
                p[i * d + j] = sum;
            }
        });
        return (GaussianModel)GaussianModel.Create(Vec.Of(mean), precision);
    }
}
