using LanguageExt.Common;

namespace Ebm.Functional.Training;

/// <summary>Errors of the evaluation of a model during training (codes 8401-8409); bad data and settings are <see cref="TrainingErrors"/>.</summary>
public static class EvaluationErrors
{
    /// <summary>Code of <see cref="EstimateNotFinite"/>.</summary>
    public const int EstimateNotFiniteCode = 8401;

    /// <summary>Code of <see cref="MetricNotFinite"/>.</summary>
    public const int MetricNotFiniteCode = 8402;

    /// <summary>Code of <see cref="OutsideBox"/>.</summary>
    public const int OutsideBoxCode = 8403;

    /// <summary>
    /// An estimate of log Z or its standard error is not finite: the model's weights have grown until its weights' sums
    /// overflow, or the annealing is far too short for the model (every particle's weight underflowed).
    /// </summary>
    public static Error EstimateNotFinite(string method, double logZ, double standardError) =>
        Error.New(EstimateNotFiniteCode, $"the {method} estimate of log Z is {logZ} ± {standardError}: the model's weights have diverged or the annealing is far too short for it");

    /// <summary>A metric came out NaN or infinite (an R-hat of +infinity excepted: it reads correctly as "not mixed").</summary>
    public static Error MetricNotFinite(string name, double value) =>
        Error.New(MetricNotFiniteCode, $"the evaluation's {name} is {value}: the model's parameters have diverged");

    /// <summary>An example lies outside the box on which a 2-D neural energy's density is normalised, where its density is 0.</summary>
    public static Error OutsideBox(string what, int row, double x, double y, string box) =>
        Error.New(OutsideBoxCode, $"the {what} example {row + 1}, ({x}, {y}), lies outside the box {box} on which the model's density is normalised (the training data's mean +- {Exact.BoxQuadrature.HalfWidth} standard deviations)");
}
