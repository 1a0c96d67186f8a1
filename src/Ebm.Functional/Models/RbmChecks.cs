using Ebm.Functional.Numerics;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>Checks shared by both RBM kinds.</summary>
internal static class RbmChecks
{
    public static List<Error> Layers(Mat weights, Vec visibleBias, Vec hiddenBias)
    {
        var errors = new List<Error>();
        if (visibleBias.Length < 1) errors.Add(ModelErrors.InvalidField("visibleBias", "must have at least one unit"));
        if (hiddenBias.Length < 1) errors.Add(ModelErrors.InvalidField("hiddenBias", "must have at least one unit"));
        if (visibleBias.Length > ModelLimits.MaxLayerUnits) errors.Add(ModelErrors.TooLarge("visibleBias", visibleBias.Length, ModelLimits.MaxLayerUnits));
        if (hiddenBias.Length > ModelLimits.MaxLayerUnits) errors.Add(ModelErrors.TooLarge("hiddenBias", hiddenBias.Length, ModelLimits.MaxLayerUnits));
        if ((long)weights.Rows * weights.Columns > ModelLimits.MaxWeights)
            errors.Add(ModelErrors.TooLarge("weights", (long)weights.Rows * weights.Columns, ModelLimits.MaxWeights));
        if (weights.Rows != visibleBias.Length)
            errors.Add(ModelErrors.InvalidField("weights", $"has {weights.Rows} rows, expected {visibleBias.Length} (one per visible unit)"));
        if (weights.Columns != hiddenBias.Length)
            errors.Add(ModelErrors.InvalidField("weights", $"has {weights.Columns} columns, expected {hiddenBias.Length} (one per hidden unit)"));
        FieldChecks.Finite(errors, "weights", weights);
        FieldChecks.Finite(errors, "visibleBias", visibleBias);
        FieldChecks.Finite(errors, "hiddenBias", hiddenBias);
        return errors;
    }
}
