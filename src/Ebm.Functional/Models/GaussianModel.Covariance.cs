using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Models;

/// <summary>The Gaussian energy from a covariance matrix instead of a precision.</summary>
public sealed partial record GaussianModel
{
    /// <summary>
    /// Validates <paramref name="covariance"/> (square, one row per mean entry, finite, symmetric, positive definite) and
    /// builds N(<paramref name="mean"/>, Sigma) as the energy E(x) = 1/2 (x - mu)^T Sigma^-1 (x - mu), so that
    /// log Z(beta) = (d/2) log(2 pi / beta) + (1/2) log det Sigma; every problem is reported, each naming the field.
    /// </summary>
    /// <remarks>
    /// The precision is Sigma^-1 = L^-T L^-1 from the Cholesky factor Sigma = L L^T, formed as Y^T Y with Y = L^-1 so it
    /// is symmetric to the last bit. A covariance whose inverse is not representable as a positive-definite matrix in
    /// double precision (a condition number near 1e16, or variances below 1e-308) is refused with an error naming the
    /// covariance. Example: mean (0, 0), Sigma = [[2, 0.6], [0.6, 1]] has det Sigma = 1.64, so at beta = 1
    /// log Z = log(2 pi) + (1/2) log 1.64 = 2.0852.
    /// </remarks>
    /// <example><code>
    /// var covariance = Mat.FromRows([[2.0, 0.6], [0.6, 1.0]]);
    /// Fin&lt;double&gt; logZ = GaussianModel.FromCovariance(Vec.Of(0, 0), covariance).Match(
    ///     Succ: model =&gt; LogPartition.Exact(model, beta: 1.0).Map(result =&gt; result.LogZ),
    ///     Fail: errors =&gt; FinFail&lt;double&gt;(errors.Head));   // Succ(2.0852)
    /// </code></example>
    public static Validation<Error, GaussianModel> FromCovariance(Vec mean, Mat covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        var errors = new List<Error>();
        if (mean.Length < 1) errors.Add(ModelErrors.InvalidField("mean", "must have at least one entry"));
        if (mean.Length > ModelLimits.MaxGaussianDimension) errors.Add(ModelErrors.TooLarge("mean", mean.Length, ModelLimits.MaxGaussianDimension));
        FieldChecks.Square(errors, "covariance", covariance);
        if (covariance.Rows != mean.Length)
            errors.Add(ModelErrors.InvalidField("covariance", $"has {covariance.Rows} rows, expected {mean.Length} (one per mean entry)"));
        FieldChecks.Finite(errors, "mean", mean);
        FieldChecks.Finite(errors, "covariance", covariance);
        FieldChecks.Symmetric(errors, "covariance", covariance);
        if (errors.Count > 0) return Fail<Error, GaussianModel>(errors.ToSeq());
        if (Cholesky(covariance) is not { } factor)
            return Fail<Error, GaussianModel>(ModelErrors.InvalidField("covariance", "is not positive definite (a variance of some direction is zero or negative)"));
        return Create(mean, PrecisionFrom(factor)).Match(
            Succ: Success<Error, GaussianModel>,
            Fail: _ => Fail<Error, GaussianModel>(ModelErrors.InvalidField(
                "covariance", "is too ill-conditioned to invert in double precision (its inverse is not a finite positive-definite matrix)")));
    }

    /// <summary>Sigma^-1 = Y^T Y with Y = L^-1 (lower triangular), from the Cholesky factor L of Sigma.</summary>
    private static Mat PrecisionFrom(Mat factor)
    {
        var n = factor.Rows;
        var inverse = new double[n * n];
        // Forward substitution L Y = I, column by column; Y is lower triangular like L.
        for (var column = 0; column < n; column++)
        for (var i = column; i < n; i++)
        {
            var s = i == column ? 1.0 : 0.0;
            for (var k = column; k < i; k++) s -= factor[i, k] * inverse[k * n + column];
            inverse[i * n + column] = s / factor[i, i];
        }

        return Mat.Create(n, n, precision =>
        {
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = Math.Max(i, j); k < n; k++) s += inverse[k * n + i] * inverse[k * n + j];
                precision[i * n + j] = s;
            }
        });
    }
}
