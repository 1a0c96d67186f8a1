using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>The examples a run trains and tests on.</summary>
/// <param name="Train">Training examples, one per row.</param>
/// <param name="Test">Test examples, when a test file or fraction was given.</param>
/// <param name="Description">What the data is, for reports ("bars-and-stripes 4 x 4: 30 images").</param>
/// <param name="ImageSide">The side of a square image when each example is one (the sample and filter grids are drawn then).</param>
internal sealed record TrainingData(Mat Train, Option<Mat> Test, string Description, Option<int> ImageSide)
{
    /// <summary>The exact log density of the distribution the data was drawn from (a built-in 2-D toy whose density is closed form), or none.</summary>
    public Option<Func<double, double, double>> SourceLogDensity { get; init; }

    /// <summary>
    /// The average of the source's log density over the test examples (the training examples without a test set): the
    /// log-likelihood the true density itself scores on them, the reference a learned model is measured against.
    /// </summary>
    public Option<double> SourceLogLikelihood => SourceLogDensity.Map(density =>
    {
        var points = Test.IfNone(Train);
        var sum = 0.0;
        for (var r = 0; r < points.Rows; r++) sum += density(points[r, 0], points[r, 1]);
        return sum / Math.Max(1, points.Rows);
    });

    /// <summary>
    /// The average log density, over the test examples (the training examples without a test set), of the Gaussian
    /// fitted to the first two columns of the training examples (sample mean, maximum-likelihood covariance): the
    /// baseline a 2-D energy should beat. None when the fit is singular.
    /// </summary>
    public Option<double> GaussianLogLikelihood()
    {
        var n = Train.Rows;
        if (n < 3 || Train.Columns < 2) return None;
        double mx = 0, my = 0;
        for (var r = 0; r < n; r++) (mx, my) = (mx + Train[r, 0], my + Train[r, 1]);
        (mx, my) = (mx / n, my / n);
        double sxx = 0, sxy = 0, syy = 0;
        for (var r = 0; r < n; r++)
        {
            double dx = Train[r, 0] - mx, dy = Train[r, 1] - my;
            (sxx, sxy, syy) = (sxx + dx * dx, sxy + dx * dy, syy + dy * dy);
        }

        (sxx, sxy, syy) = (sxx / n, sxy / n, syy / n);
        var determinant = sxx * syy - sxy * sxy;
        if (!(determinant > 0)) return None;
        var points = Test.IfNone(Train);
        var sum = 0.0;
        for (var r = 0; r < points.Rows; r++)
        {
            double dx = points[r, 0] - mx, dy = points[r, 1] - my;
            sum += -0.5 * (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / determinant;
        }

        return sum / points.Rows - Math.Log(2 * Math.PI) - 0.5 * Math.Log(determinant);
    }
}
