using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A 2-D mixture of isotropic Gaussians as an energy:
/// E(x) = -log sum_k w_k N(x; mu_k, sigma_k^2 I), so Z(1) = sum_k w_k exactly.
/// </summary>
public sealed partial record GaussianMixture2D : IContinuousModel
{
    private GaussianMixture2D(Vec weights, Mat means, Vec sigmas)
    {
        Weights = weights;
        Means = means;
        Sigmas = sigmas;
        (_logNormalisers, _inverseVariances) = ComponentConstants(weights, sigmas);
    }

    /// <summary>Component weights w_k (positive).</summary>
    public Vec Weights { get; }

    /// <summary>Component means, K x 2.</summary>
    public Mat Means { get; }

    /// <summary>Component standard deviations sigma_k (positive).</summary>
    public Vec Sigmas { get; }

    /// <summary>"gaussian-mixture-2d".</summary>
    public string Kind => "gaussian-mixture-2d";

    /// <summary>Always 2.</summary>
    public int Dimension => 2;

    /// <summary>Most components accepted.</summary>
    public const int MaxComponents = 1024;

    /// <summary>Validates and builds the energy; every problem is reported.</summary>
    public static Validation<Error, GaussianMixture2D> Create(Vec weights, Mat means, Vec sigmas)
    {
        var errors = new List<Error>();
        if (weights.Length < 1) errors.Add(ModelErrors.InvalidField("weights", "must have at least one component"));
        if (weights.Length > MaxComponents) errors.Add(ModelErrors.TooLarge("weights", weights.Length, MaxComponents));
        if (means.Rows != weights.Length) errors.Add(ModelErrors.InvalidField("means", $"has {means.Rows} rows, expected {weights.Length} (one per weight)"));
        if (means.Columns != 2) errors.Add(ModelErrors.InvalidField("means", $"rows have {means.Columns} values, expected 2"));
        FieldChecks.Length(errors, "sigmas", sigmas, weights.Length, "one per weight");
        FieldChecks.Finite(errors, "weights", weights);
        FieldChecks.Finite(errors, "means", means);
        FieldChecks.Finite(errors, "sigmas", sigmas);
        for (var k = 0; k < weights.Length; k++)
            if (!(weights[k] > 0))
            {
                errors.Add(ModelErrors.InvalidField("weights", $"entry {k} = {weights[k]}, expected a positive number"));
                break;
            }

        for (var k = 0; k < sigmas.Length; k++)
            if (!(sigmas[k] > 0))
            {
                errors.Add(ModelErrors.InvalidField("sigmas", $"entry {k} = {sigmas[k]}, expected a positive number"));
                break;
            }

        return FieldChecks.Result(errors, () => new GaussianMixture2D(weights, means, sigmas));
    }
}
