using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimators;

/// <summary>The precision matrix of a covariance, by its Cholesky factor.</summary>
internal static class GaussianCovariance
{
    /// <summary>C^-1 = L^-T L^-1 with C = L L^T, made exactly symmetric; null when C is not symmetric positive definite or not finite.</summary>
    public static Mat? Precision(Mat covariance)
    {
        var n = covariance.Rows;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (!double.IsFinite(covariance[i, j]) || covariance[i, j] != covariance[j, i]) return null;
        if (GaussianModel.Cholesky(covariance) is not { } factor) return null;
        var l = factor.Span;

        // Column j of L^-1 by forward substitution, then P = (L^-1)^T L^-1.
        var inverse = new double[n * n];
        for (var j = 0; j < n; j++)
            for (var i = j; i < n; i++)
            {
                var s = i == j ? 1.0 : 0.0;
                for (var k = j; k < i; k++) s -= l[i * n + k] * inverse[k * n + j];
                inverse[i * n + j] = s / l[i * n + i];
            }

        return Mat.Create(n, n, p =>
        {
            for (var i = 0; i < n; i++)
                for (var j = i; j < n; j++)
                {
                    var s = 0.0;
                    for (var k = Math.Max(i, j); k < n; k++) s += inverse[k * n + i] * inverse[k * n + j];
                    p[i * n + j] = s;
                    p[j * n + i] = s;
                }
        });
    }
}
