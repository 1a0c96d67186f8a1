using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The Gaussian energy E(x) = 1/2 (x - mu)^T P (x - mu), P symmetric positive definite,
/// so Z(beta) = (2 pi / beta)^(d/2) det(P)^(-1/2).
/// </summary>
public sealed partial record GaussianModel : IEnergyModel
{
    private GaussianModel(Vec mean, Mat precision, Mat choleskyFactor)
    {
        Mean = mean;
        Precision = precision;
        CholeskyFactor = choleskyFactor;
    }

    /// <summary>The mean mu (d).</summary>
    public Vec Mean { get; }

    /// <summary>The precision matrix P (d x d).</summary>
    public Mat Precision { get; }

    /// <summary>Lower-triangular L with P = L L^T, computed once at construction.</summary>
    public Mat CholeskyFactor { get; }

    /// <inheritdoc />
    public string Kind => "gaussian";

    /// <inheritdoc />
    public int Dimension => Mean.Length;

    /// <summary>Validates and builds the model; every problem is reported, including a P that is not positive definite.</summary>
    public static Validation<Error, GaussianModel> Create(Vec mean, Mat precision)
    {
        var errors = new List<Error>();
        if (mean.Length < 1) errors.Add(ModelErrors.InvalidField("mean", "must have at least one entry"));
        if (mean.Length > ModelLimits.MaxGaussianDimension) errors.Add(ModelErrors.TooLarge("mean", mean.Length, ModelLimits.MaxGaussianDimension));
        FieldChecks.Square(errors, "precision", precision);
        if (precision.Rows != mean.Length)
            errors.Add(ModelErrors.InvalidField("precision", $"has {precision.Rows} rows, expected {mean.Length} (one per mean entry)"));
        FieldChecks.Finite(errors, "mean", mean);
        FieldChecks.Finite(errors, "precision", precision);
        FieldChecks.Symmetric(errors, "precision", precision);
        if (errors.Count > 0) return FieldChecks.Result<GaussianModel>(errors, () => throw new InvalidOperationException());
        return Cholesky(precision) is { } factor
            ? new GaussianModel(mean, precision, factor)
            : Validation<Error, GaussianModel>.Fail(LanguageExt.Prelude.Seq1(ModelErrors.InvalidField("precision", "is not positive definite")));
    }

    /// <summary>The lower Cholesky factor of a symmetric matrix, or null when a pivot is not positive.</summary>
    internal static Mat? Cholesky(Mat a)
    {
        var n = a.Rows;
        var l = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[j, j];
            for (var k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
            if (!(diagonal > 0)) return null;
            var root = Math.Sqrt(diagonal);
            l[j * n + j] = root;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = s / root;
            }
        }

        return Mat.Wrap(n, n, l);
    }
}
