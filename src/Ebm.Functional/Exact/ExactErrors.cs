using LanguageExt.Common;

namespace Ebm.Functional.Exact;

/// <summary>The catalogue of errors from exact partition-function methods (codes 2001-2099).</summary>
public static class ExactErrors
{
    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 2001;

    /// <summary>Code of <see cref="TooLarge"/>.</summary>
    public const int TooLargeCode = 2002;

    /// <summary>Code of <see cref="MethodNotApplicable"/>.</summary>
    public const int MethodNotApplicableCode = 2003;

    /// <summary>Code of <see cref="NoExactMethod"/>.</summary>
    public const int NoExactMethodCode = 2004;

    /// <summary>Code of <see cref="Overflow"/>.</summary>
    public const int OverflowCode = 2005;

    /// <summary>Code of <see cref="MethodRange"/>.</summary>
    public const int MethodRangeCode = 2006;

    /// <summary>Code of <see cref="RegionNeeded"/>.</summary>
    public const int RegionNeededCode = 2007;

    /// <summary>An inverse temperature that is not a finite number in the accepted range.</summary>
    public static Error InvalidBeta(double beta, string requirement) => Error.New(InvalidBetaCode, $"beta: {beta} is not valid: {requirement}");

    /// <summary>A model too large for any exact method.</summary>
    public static Error TooLarge(string model, string size, string limit) =>
        Error.New(TooLargeCode,
            $"{model} of size {size} is too large for an exact partition function ({limit}); " +
            "estimate log Z instead (importance sampling, AIS, reverse AIS, SMC, bridge sampling or thermodynamic integration)");

    /// <summary>An explicitly requested method that does not apply to the model.</summary>
    public static Error MethodNotApplicable(string method, string model, string why) =>
        Error.New(MethodNotApplicableCode, $"method {method} does not apply to {model}: {why}");

    /// <summary>A model kind with no exact method at all: the message lists the methods and the models each applies to.</summary>
    public static Error NoExactMethod(string model) =>
        Error.New(NoExactMethodCode,
            $"no exact partition function is known for {model}; exact methods exist for any discrete model (IDiscreteModel) of at most 30 units " +
            "(enumeration), Ising lattices (kaufman, transfer-matrix), Bernoulli and Gaussian-Bernoulli RBMs (layer-sum), Gaussians (closed-form) " +
            "and any 2-D continuous energy (IContinuousModel) by quadrature over a box you give, " +
            "LogPartition.Exact(model, beta, region: new QuadratureRegion(xMin, xMax, yMin, yMax, xScale, yScale)); " +
            "otherwise estimate log Z (importance sampling, AIS, reverse AIS, SMC, bridge sampling or thermodynamic integration)");

    /// <summary>A 2-D continuous energy whose integration box is not known to the library: the message says how to give one.</summary>
    public static Error RegionNeeded(string model) =>
        Error.New(RegionNeededCode,
            $"{model} is a 2-D energy, whose exact partition function is a quadrature over a box the library cannot derive from it: " +
            "call LogPartition.Exact(model, beta, region: new QuadratureRegion(xMin, xMax, yMin, yMax, xScale, yScale)) with a box outside which " +
            "beta (E - E_min) exceeds about 60, and as scales the width of the narrowest feature of exp(-beta E) along each axis");

    /// <summary>
    /// A quantity whose exact value is not representable in double precision (its magnitude exceeds
    /// 1.8e308) for this model at this beta: <paramref name="cause"/> names the model field or the beta responsible.
    /// </summary>
    public static Error Overflow(string cause, double beta, string quantity) =>
        Error.New(OverflowCode, $"{cause} at beta {Number(beta)}: {quantity} overflows double precision; use another beta or rescale the model");

    /// <summary>
    /// One exact method cannot represent its intermediate values for this model at this beta, although
    /// the result may be representable: <see cref="Ebm.Functional.Exact.ExactMethod.Auto"/> then tries the next method.
    /// </summary>
    public static Error MethodRange(string method, string cause, double beta, string why) =>
        Error.New(MethodRangeCode, $"method {method}: {cause} at beta {Number(beta)}: {why}");

    /// <summary>True for the errors that <see cref="Ebm.Functional.Exact.ExactMethod.Auto"/> answers by trying the next method: a numerical limit, not a bad input.</summary>
    public static bool IsNumerical(Error error) => error.Code is OverflowCode or MethodRangeCode;

    /// <summary>A number as the messages print it: round-trip precision, invariant culture.</summary>
    internal static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
