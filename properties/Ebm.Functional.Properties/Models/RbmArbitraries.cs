using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Models;

/// <summary>Generators: 1 to 4 units per layer, parameters on a 1/1000 grid in [-2, 2], sigma in [0.3, 2.5], v in [-3, 3].</summary>
public static class RbmArbitraries
{
    private static Gen<double> Coefficient => Gen.Choose(-2000, 2000).Select(k => k / 1000.0);

    private static Gen<double[]> Coefficients(int count) => Gen.ArrayOf(Coefficient, count);

    private static Gen<double[]> Bits(int count) => Gen.ArrayOf(Gen.Choose(0, 1).Select(k => (double)k), count);

    /// <summary>Bernoulli RBM cases.</summary>
    public static Arbitrary<BernoulliRbmCase> BernoulliRbmCases() =>
        (from visible in Gen.Choose(1, 4)
         from hidden in Gen.Choose(1, 4)
         from weights in Coefficients(visible * hidden)
         from visibleBias in Coefficients(visible)
         from hiddenBias in Coefficients(hidden)
         from v in Bits(visible)
         from h in Bits(hidden)
         select new BernoulliRbmCase(
             BernoulliRbm.Create(Mat.From(visible, hidden, weights), Vec.From(visibleBias), Vec.From(hiddenBias)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
             v, h)).ToArbitrary();

    /// <summary>Gaussian-Bernoulli RBM cases.</summary>
    public static Arbitrary<GaussianBernoulliRbmCase> GaussianBernoulliRbmCases() =>
        (from visible in Gen.Choose(1, 4)
         from hidden in Gen.Choose(1, 4)
         from weights in Coefficients(visible * hidden)
         from visibleBias in Coefficients(visible)
         from hiddenBias in Coefficients(hidden)
         from sigma in Gen.ArrayOf(Gen.Choose(300, 2500).Select(k => k / 1000.0), visible)
         from v in Gen.ArrayOf(Gen.Choose(-3000, 3000).Select(k => k / 1000.0), visible)
         from h in Bits(hidden)
         select new GaussianBernoulliRbmCase(
             GaussianBernoulliRbm.Create(Mat.From(visible, hidden, weights), Vec.From(visibleBias), Vec.From(hiddenBias), Vec.From(sigma))
                 .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
             v, h)).ToArbitrary();
}
