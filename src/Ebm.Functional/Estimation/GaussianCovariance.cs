using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimation;

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
        var l = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var diagonal = covariance[j, j];
            for (var k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
            if (!(diagonal > 0)) return null;
            var root = Math.Sqrt(diagonal);
            l[j * n + j] = root;
            for (var i = j + 1; i < n; i++)
            {
                var s = covariance[i, j];
                for (var k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = s / root;
            }
        }

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
