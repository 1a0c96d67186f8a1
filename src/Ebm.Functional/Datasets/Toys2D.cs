using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>
/// The built-in two-dimensional toy data sets of the density-estimation literature, seeded, each with a labelled
/// variant for classifiers: ring, two moons, eight Gaussians, checkerboard, two spirals and pinwheel.
/// </summary>
/// <remarks>
/// <para>Row r of a sample is drawn from the key <c>key.FoldIn(r)</c> alone: its class from uniform draw 0, then its
/// point given the class from the draws that follow, so the bits do not depend on the thread count or on how many rows
/// are asked for (the first n rows of a larger sample are the sample of n rows). <see cref="Sample"/> is the first two
/// columns of <see cref="SampleLabelled"/> with the same key: the labelled variant is the same data with its classes,
/// and a model of p(x) fitted to either sees the same points.</para>
/// <para>The toys (classes in brackets; every class has probability 1/K):</para>
/// <list type="bullet">
/// <item><c>ring</c> [2: the inner and the outer ring]: two concentric circles of radii <see cref="InnerRingRadius"/>
/// and <see cref="OuterRingRadius"/>, a point uniform in angle on its circle plus isotropic Gaussian noise of standard
/// deviation <see cref="RingNoise"/>. Its density is closed form: a circle convolved with a Gaussian is the Rice
/// density of the radius over 2 pi r, p(x) = exp(-(r² + R²) / 2σ²) I0(r R / σ²) / (2 pi σ²).</item>
/// <item><c>two-moons</c> [2: upper, lower moon]: scikit-learn's <c>make_moons</c> (upper (cos t, sin t), lower
/// (1 - cos t, 1/2 - sin t), t uniform on [0, pi]) plus Gaussian noise of standard deviation <see cref="MoonsNoise"/>.</item>
/// <item><c>eight-gaussians</c> [8: the component]: eight isotropic Gaussians of standard deviation
/// <see cref="EightGaussiansStandardDeviation"/> centred at radius <see cref="EightGaussiansRadius"/>, angles k pi / 4,
/// with equal weights (the scale of Grathwohl et al. 2019, FFJORD: centres 4 (cos, sin) / √2, deviation 0.5 / √2).</item>
/// <item><c>checkerboard</c> [2: the two interleaved sub-boards]: uniform on the 8 filled squares of a 4 x 4 board of
/// side-2 squares on [-4, 4)², square (i, j) (column i from the left, row j from the bottom, 0..3) filled when i + j is
/// even; class c holds the squares with i and j in {c, c + 2}. Density 1/32 on the filled squares, 0 elsewhere.</item>
/// <item><c>two-spirals</c> [2: the spiral]: t = 3 pi √u (u uniform), the first spiral (-t cos t, t sin t) / 3, the
/// second its mirror through the origin, plus Gaussian noise of standard deviation <see cref="SpiralsNoise"/> (FFJORD's
/// spirals without their uniform jitter).</item>
/// <item><c>pinwheel</c> [5: the arm]: f = (1 + 0.3 z1, 0.1 z2) with z standard normal, rotated by 2 pi c / 5 +
/// 0.25 exp(f1) and doubled (Johnson et al. 2016, "Composing graphical models with neural networks", as in FFJORD).</item>
/// </list>
/// <para><see cref="LogDensity"/> gives the exact log density of what <see cref="Sample"/> draws for ring,
/// eight-gaussians and checkerboard; the other three have none in closed form. <see cref="ExpectedLogDensity"/> gives
/// their negative entropy E_p[log p] (ring -1.99237, eight-gaussians -2.83158, checkerboard -log 32 = -3.46574 nats),
/// the best average test log-likelihood a model can expect.</para>
/// </remarks>
/// <example><code>
/// var moons = Toys2D.Sample(RngKey.FromSeed(7), "two-moons", 5000);                  // Fin&lt;Mat&gt;, 5000 x 2
/// var labelled = Toys2D.SampleLabelled(RngKey.FromSeed(7), "two-moons", 5000);       // 5000 x 3, class last
/// var density = Toys2D.LogDensity("eight-gaussians");                                 // Some(log p(x, y))
/// </code></example>
public static partial class Toys2D
{
    /// <summary>Radius of the inner circle of <c>ring</c> (class 0).</summary>
    public const double InnerRingRadius = 1.0;

    /// <summary>Radius of the outer circle of <c>ring</c> (class 1).</summary>
    public const double OuterRingRadius = 2.0;

    /// <summary>Standard deviation of the Gaussian noise about the circles of <c>ring</c>.</summary>
    public const double RingNoise = 0.1;

    /// <summary>Standard deviation of the Gaussian noise of <c>two-moons</c>.</summary>
    public const double MoonsNoise = 0.1;

    /// <summary>Distance of the eight centres of <c>eight-gaussians</c> from the origin, 4 / √2.</summary>
    public const double EightGaussiansRadius = 2.8284271247461903;

    /// <summary>Standard deviation of each component of <c>eight-gaussians</c>, 0.5 / √2.</summary>
    public const double EightGaussiansStandardDeviation = 0.35355339059327379;

    /// <summary>Side of one square of <c>checkerboard</c>; the board is 4 x 4 squares centred on the origin.</summary>
    public const double CheckerboardSquare = 2.0;

    /// <summary>Standard deviation of the Gaussian noise of <c>two-spirals</c>.</summary>
    public const double SpiralsNoise = 0.1;

    private static readonly Toy[] Toys =
    [
        // The boxes reach six noise deviations beyond the noiseless shapes (pinwheel: radius 2 (1 + 6 x 0.3)).
        new("ring", 2, RingPoint, RingLogDensity, (-2.6, 2.6, -2.6, 2.6), RingNoise),
        new("two-moons", 2, MoonsPoint, null, (-1.6, 2.6, -1.1, 1.6), MoonsNoise),
        new("eight-gaussians", 8, EightGaussiansPoint, EightGaussiansLogDensity, (-4.95, 4.95, -4.95, 4.95), EightGaussiansStandardDeviation),
        new("checkerboard", 2, CheckerboardPoint, CheckerboardLogDensity, (-4, 4, -4, 4), CheckerboardSquare / 4),
        new("two-spirals", 2, SpiralsPoint, null, (-3.75, 3.75, -3.75, 3.75), SpiralsNoise),
        new("pinwheel", PinwheelArms, PinwheelPoint, null, (-5.6, 5.6, -5.6, 5.6), 2 * PinwheelTangentialDeviation),
    ];

    /// <summary>The toy names, in the order of the remarks.</summary>
    public static IReadOnlyList<string> Names { get; } = Toys.Select(t => t.Name).ToArray();

    /// <summary>Is <paramref name="name"/> one of <see cref="Names"/> (exact, case-sensitive spelling)?</summary>
    public static bool IsKnown(string name) => Find(name).IsSome;

    /// <summary>
    /// The number of classes of the labelled variant of <paramref name="name"/>: ring 2, two-moons 2, eight-gaussians 8,
    /// checkerboard 2, two-spirals 2, pinwheel 5. Throws <see cref="ArgumentException"/> on a name that is not one of
    /// <see cref="Names"/> (a programmer error: check user input with <see cref="IsKnown"/> or <see cref="Sample"/>).
    /// </summary>
    public static int Classes(string name) =>
        Find(name).Match(t => t.Classes, () => throw new ArgumentException(DatasetErrors.UnknownToy(name, Names).Message, nameof(name)));

    /// <summary><paramref name="count"/> points of the toy <paramref name="name"/>, count x 2, drawn as the remarks describe.</summary>
    /// <returns>The points, or <see cref="DatasetErrors.UnknownToy"/> / <see cref="DatasetErrors.InvalidSize"/>.</returns>
    public static Fin<Mat> Sample(RngKey key, string name, int count) =>
        Draw(key, name, count, labelled: false);

    /// <summary>
    /// <paramref name="count"/> labelled points, count x 3: x, y and the class index 0..K-1 as a double in the last
    /// column (K = <see cref="Classes"/>). Columns 0 and 1 equal <see cref="Sample"/> with the same key.
    /// </summary>
    /// <returns>The labelled points, or <see cref="DatasetErrors.UnknownToy"/> / <see cref="DatasetErrors.InvalidSize"/>.</returns>
    public static Fin<Mat> SampleLabelled(RngKey key, string name, int count) =>
        Draw(key, name, count, labelled: true);

    /// <summary>
    /// The exact log density log p(x, y) of what <see cref="Sample"/> draws, where it is closed form (ring,
    /// eight-gaussians, checkerboard; negative infinity off the checkerboard's squares), None for the other toys and for
    /// an unknown name.
    /// </summary>
    public static Option<Func<double, double, double>> LogDensity(string name) =>
        Find(name).Bind(t => Optional(t.LogDensity));

    private static Fin<Mat> Draw(RngKey key, string name, int count, bool labelled)
    {
        if (count < 0) return FinFail<Mat>(DatasetErrors.InvalidSize($"{name} count", $"must be >= 0, got {count}"));
        return Find(name).Match(
            toy => FinSucc(Mat.Create(count, labelled ? 3 : 2, destination =>
            {
                var columns = labelled ? 3 : 2;
                for (var r = 0; r < count; r++)
                {
                    var row = key.FoldIn(r);
                    var label = Math.Min((int)(row.UniformAt(0) * toy.Classes), toy.Classes - 1);
                    var (x, y) = toy.Point(row, label);
                    destination[r * columns] = x;
                    destination[r * columns + 1] = y;
                    if (labelled) destination[r * columns + 2] = label;
                }
            })),
            () => FinFail<Mat>(DatasetErrors.UnknownToy(name, Names)));
    }

    private static Option<Toy> Find(string name) =>
        Optional(System.Array.Find(Toys, t => string.Equals(t.Name, name, StringComparison.Ordinal)));

    /// <summary>
    /// A toy: its name, classes, the point of a row given its class, its log density where closed form, the box holding
    /// all but about 1e-9 of its mass, and its narrowest feature.
    /// </summary>
    private sealed record Toy(
        string Name,
        int Classes,
        Func<RngKey, int, (double X, double Y)> Point,
        Func<double, double, double>? LogDensity,
        (double XMin, double XMax, double YMin, double YMax) Box,
        double FeatureScale);
}
