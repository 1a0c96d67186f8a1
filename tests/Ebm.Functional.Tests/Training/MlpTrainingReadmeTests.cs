using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The README's MLP example as written there: Hyvärinen's score-matching loss of a 2 x 64 energy and its gradient from
/// <see cref="MlpTraining.Derivatives"/>, whose gradient must be the finite difference of its loss.
/// </summary>
public sealed class MlpTrainingReadmeTests
{
    // A 2 x 64 softplus energy on standardised 2-D inputs.
    private static readonly Fin<MlpEnergy> Energy =
        from scaling in InputScaling.Create(Vec.Of(0.5, 0.0), Vec.Of(0.9, 0.5))
            .Match(Succ: FinSucc, Fail: errors => FinFail<InputScaling>(Error.Many(errors)))
        from model in MlpTraining.InitialiseEnergy(RngKey.FromSeed(1), 2, [64, 64], MlpActivation.Softplus, scaling)
        select model;

    // Hyvärinen's loss mean_r [½|∇E(x_r)|² − ΔE(x_r)] and its gradient in the layout of MlpTraining.Parameters.
    private static (double Loss, Vec Gradient) HyvarinenLoss(MlpEnergy model, Mat x)
    {
        var d = MlpTraining.Derivatives;
        int n = x.Rows, dim = x.Columns;
        var g = d.InputGradients(model, x);
        // d/dθ ½|∇E|² = (d∇E/dθ)ᵀ ∇E: the directional gradient along U = ∇E / n, held fixed.
        var scores = Mat.Create(n, dim, u => { for (var i = 0; i < u.Length; i++) u[i] = g.Span[i] / n; });
        var gradient = d.DirectionalParameterGradient(model, x, scores).Span.ToArray();
        var loss = 0.0;
        for (var i = 0; i < g.Span.Length; i++) loss += 0.5 * g.Span[i] * g.Span[i] / n;
        for (var i = 0; i < dim; i++)
        {
            // ∂²E/∂x_i² per row, and the gradient of their sum: the Laplacian one coordinate at a time.
            var unit = Mat.Create(n, dim, v => { for (var r = 0; r < n; r++) v[r * dim + i] = 1; });
            var (curvatures, curvatureGradient) = d.Curvature(model, x, unit);
            for (var r = 0; r < n; r++) loss -= curvatures[r] / n;
            for (var k = 0; k < gradient.Length; k++) gradient[k] -= curvatureGradient[k] / n;
        }

        return (loss, Vec.Of(gradient));
    }

    private static readonly Mat X = Mat.FromRows([[0.1, 0.4], [1.2, -0.3], [0.7, 0.9]]);

    [Fact]
    public void The_example_runs_and_prints_a_finite_loss()
    {
        var line = Energy.Match(
            Succ: model => $"loss {HyvarinenLoss(model, X).Loss:F4}",
            Fail: error => error.Message);
        Assert.Matches(@"^loss -?\d+\.\d{4}$", line);
    }

    /// <summary>
    /// 60 coordinates of the 4,417 drawn by a seeded key, central differences with h = 1e-5 (truncation h² M3 / 6 and
    /// rounding eps |L| / h, both below 1e-8 for this loss of order one): 1e-6 (1 + |g|) catches a wrong term.
    /// </summary>
    [Fact]
    public void The_example_s_gradient_is_the_difference_of_its_loss()
    {
        const double h = 1e-5;
        var model = Energy.Match(Succ: m => m, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        var (_, gradient) = HyvarinenLoss(model, X);
        var theta = MlpTraining.Parameters.ToVector(model);
        Assert.Equal(4417, theta.Length);
        double Loss(int j, double step) => HyvarinenLoss(MlpTraining.Parameters.FromVector(model, Vec.Create(theta.Length, v =>
        {
            theta.Span.CopyTo(v);
            v[j] += step;
        })).Match(Succ: m => m, Fail: e => throw new Xunit.Sdk.XunitException(e.Message)), X).Loss;
        for (var k = 0; k < 60; k++)
        {
            var j = (int)(RngKey.FromSeed(5).UniformAt(k) * theta.Length);
            var difference = (Loss(j, h) - Loss(j, -h)) / (2 * h);
            Assert.True(Math.Abs(difference - gradient[j]) <= 1e-6 * (1 + Math.Abs(difference)), $"parameter {j}: {gradient[j]:R}, difference {difference:R}");
        }
    }
}
