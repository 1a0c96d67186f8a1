using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Cli.Training;

/// <summary>The examples a run trains and tests on.</summary>
/// <param name="Train">Training examples, one per row.</param>
/// <param name="Test">Test examples, when a test file or fraction was given.</param>
/// <param name="Description">What the data is, for reports ("bars-and-stripes 4 x 4: 30 images").</param>
/// <param name="ImageSide">The side of a square image when each example is one (the sample and filter grids are drawn then).</param>
internal sealed record TrainingData(Mat Train, Option<Mat> Test, string Description, Option<int> ImageSide);
