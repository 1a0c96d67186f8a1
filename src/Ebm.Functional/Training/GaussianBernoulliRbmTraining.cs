using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training a <see cref="GaussianBernoulliRbm"/>: its flat parameter layout, with sigma learned or held fixed, and its
/// objectives (exact maximum likelihood, CD-k, PCD, tempered SML).
/// </summary>
/// <remarks>
/// Every objective takes <c>learnSigma</c> and returns its gradient in the layout of <see cref="Parameters"/> with the
/// same flag; a trainer must pair them (a mismatch fails with a length error, never silently). Sigma is learned as
/// log sigma, so every optimizer step leaves it positive, and its gradient is sigma dX/dsigma (the chain rule).
/// </remarks>
public static partial class GaussianBernoulliRbmTraining
{
    /// <summary>The family name of the layout, as the model's <c>Kind</c>.</summary>
    public const string Family = "gaussian-bernoulli-rbm";

    /// <summary>
    /// The layout W (row-major, nv x nh), then b (nv), then c (nh), then, when <paramref name="learnSigma"/>, log sigma
    /// (nv, natural log); with sigma fixed it is not in the vector and every model keeps the sigma it started with.
    /// Weight decay acts on W only.
    /// </summary>
    /// <param name="learnSigma">Whether sigma is trained.</param>
    public static ModelParameters<GaussianBernoulliRbm> Parameters(bool learnSigma) => new(
        Family,
        model => ToVector(model, learnSigma),
        (model, values) => FromVector(model, values, learnSigma),
        model => Vec.Create(Length(model, learnSigma), d => d[..(model.Visible * model.Hidden)].Fill(1.0)));

    /// <summary>
    /// A gradient record (with dX/dsigma) in the layout of <see cref="Parameters"/>: the sigma part becomes
    /// sigma_i dX/dsigma_i, the derivative in log sigma_i, or is left out when sigma is fixed.
    /// </summary>
    public static Vec Flatten(GaussianBernoulliRbm model, GaussianBernoulliRbmGradient gradient, bool learnSigma)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gradient);
        var values = new double[Length(model, learnSigma)];
        var weights = model.Visible * model.Hidden;
        gradient.Weights.Span.CopyTo(values);
        gradient.VisibleBias.Span.CopyTo(values.AsSpan(weights));
        gradient.HiddenBias.Span.CopyTo(values.AsSpan(weights + model.Visible));
        if (learnSigma)
            for (var i = 0; i < model.Visible; i++)
                values[weights + model.Visible + model.Hidden + i] = model.Sigma[i] * gradient.Sigma[i];
        return Vec.Wrap(values);
    }

    private static int Length(GaussianBernoulliRbm model, bool learnSigma) =>
        model.Visible * model.Hidden + model.Visible + model.Hidden + (learnSigma ? model.Visible : 0);

    private static Vec ToVector(GaussianBernoulliRbm model, bool learnSigma) => Vec.Create(Length(model, learnSigma), d =>
    {
        var weights = model.Visible * model.Hidden;
        model.Weights.Span.CopyTo(d);
        model.VisibleBias.Span.CopyTo(d[weights..]);
        model.HiddenBias.Span.CopyTo(d[(weights + model.Visible)..]);
        if (learnSigma)
            for (var i = 0; i < model.Visible; i++)
                d[weights + model.Visible + model.Hidden + i] = Math.Log(model.Sigma[i]);
    });

    private static Fin<GaussianBernoulliRbm> FromVector(GaussianBernoulliRbm model, Vec values, bool learnSigma)
    {
        int nv = model.Visible, nh = model.Hidden, weights = nv * nh;
        if (values.Length != Length(model, learnSigma)) return FinFail<GaussianBernoulliRbm>(TrainingErrors.ParameterLength(Family, Length(model, learnSigma), values.Length));
        var span = values.Span;
        var sigma = learnSigma ? Vec.Create(nv, d =>
        {
            for (var i = 0; i < nv; i++) d[i] = Math.Exp(values[weights + nv + nh + i]);
        }) : model.Sigma;
        return GaussianBernoulliRbm.Create(Mat.From(nv, nh, span[..weights]), Vec.From(span.Slice(weights, nv)), Vec.From(span.Slice(weights + nv, nh)), sigma)
            .Match(FinSucc, errors => FinFail<GaussianBernoulliRbm>(Error.Many(errors)));
    }
}
