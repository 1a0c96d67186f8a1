using System.Globalization;
using Ebm.Cli.Options;
using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Cli.Training;

/// <summary>
/// <c>--binarize threshold[:T]|stochastic</c>: how a data file of intensities (IDX bytes 0..255, probabilities in
/// [0, 1]) becomes the 0/1 data a binary model trains on. <c>threshold:T</c> makes a value 1 when it exceeds T
/// (scikit-learn's rule, x &gt; T); <c>threshold</c> alone takes T = half the training data's largest value (127.5 for
/// bytes, 0.5 for probabilities). <c>stochastic</c> divides by the training data's largest value when it exceeds 1 and
/// draws each value as a Bernoulli variable with that probability (Salakhutdinov and Murray 2008), from the run's data
/// key: the same seed binarises to the same bits. The test data take the training data's T and scale.
/// </summary>
internal static class TrainBinarisation
{
    /// <summary>Reads a rule: (stochastic, threshold or null for the data's midpoint), or the problem with the text.</summary>
    public static bool TryParse(string spec, out (bool Stochastic, double? Threshold) rule, out string problem)
    {
        rule = default;
        problem = "";
        const string usage = "expected threshold, threshold:T (T a finite number) or stochastic";
        if (spec == "stochastic") rule = (true, null);
        else if (spec == "threshold") rule = (false, null);
        else if (spec.StartsWith("threshold:", StringComparison.Ordinal) && NumberSyntax.TryReal(spec["threshold:".Length..], out var t, out _) && double.IsFinite(t))
            rule = (false, t);
        else
        {
            problem = $"{usage}, got \"{spec}\"";
            return false;
        }

        return true;
    }

    /// <summary>
    /// The training and test data made 0/1 by <paramref name="spec"/>, the test data with the training data's scale, and
    /// the rule as the run's header shows it (with the threshold it used).
    /// </summary>
    public static Fin<(Mat Train, Option<Mat> Test, string Description)> Apply(string spec, RngKey key, Mat train, Option<Mat> test)
    {
        TryParse(spec, out var rule, out _);
        var largest = train.Rows == 0 ? 1.0 : TensorMax(train);
        if (rule.Stochastic)
        {
            var scale = largest > 1 ? 1 / largest : 1.0;
            return from binaryTrain in Binarisation.Stochastic(key.FoldIn(0), Scaled(train, scale))
                   from binaryTest in test.Map(t => Binarisation.Stochastic(key.FoldIn(1), Scaled(t, scale)).Map(Option<Mat>.Some)).IfNone(Option<Mat>.None)
                   select (binaryTrain, binaryTest, "stochastic");
        }

        var threshold = rule.Threshold ?? largest / 2;
        return from binaryTrain in Binarisation.Threshold(train, threshold)
               from binaryTest in test.Map(t => Binarisation.Threshold(t, threshold).Map(Option<Mat>.Some)).IfNone(Option<Mat>.None)
               select (binaryTrain, binaryTest, string.Create(CultureInfo.InvariantCulture, $"threshold {threshold:R} (1 where x > T)"));
    }

    private static double TensorMax(Mat data) => System.Numerics.Tensors.TensorPrimitives.Max(data.Span);

    private static Mat Scaled(Mat data, double scale) =>
        scale == 1.0 ? data : Mat.Create(data.Rows, data.Columns, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = data.Span[i] * scale;
        });
}
