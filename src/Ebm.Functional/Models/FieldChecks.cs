using System.Numerics.Tensors;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>Shared field checks for model constructors: each adds its problems to a list, so all are reported at once.</summary>
internal static class FieldChecks
{
    public static void Finite(List<Error> errors, string field, double value)
    {
        if (!double.IsFinite(value)) errors.Add(ModelErrors.NotFinite(field, "the value"));
    }

    public static void Finite(List<Error> errors, string field, Vec values)
    {
        // The vectorised scan answers the common case; the loop only runs to name the first bad entry.
        if (TensorPrimitives.IsFiniteAll(values.Span)) return;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
            {
                errors.Add(ModelErrors.NotFinite(field, $"entry {i}"));
                return;
            }
    }

    public static void Finite(List<Error> errors, string field, Mat values)
    {
        if (TensorPrimitives.IsFiniteAll(values.Span)) return;
        for (var i = 0; i < values.Rows; i++)
        for (var j = 0; j < values.Columns; j++)
            if (!double.IsFinite(values[i, j]))
            {
                errors.Add(ModelErrors.NotFinite(field, $"entry [{i}][{j}]"));
                return;
            }
    }

    public static void Length(List<Error> errors, string field, Vec values, int expected, string expectedWhat)
    {
        if (values.Length != expected)
            errors.Add(ModelErrors.InvalidField(field, $"has {values.Length} values, expected {expected} ({expectedWhat})"));
    }

    public static void Square(List<Error> errors, string field, Mat values)
    {
        if (values.Rows != values.Columns)
            errors.Add(ModelErrors.InvalidField(field, $"is {values.Rows} x {values.Columns}, expected a square matrix"));
    }

    /// <summary>Symmetric to a relative 1e-12, the tolerance of a matrix written out and read back.</summary>
    public static void Symmetric(List<Error> errors, string field, Mat values)
    {
        if (values.Rows != values.Columns) return;
        for (var i = 0; i < values.Rows; i++)
        for (var j = i + 1; j < values.Columns; j++)
        {
            double a = values[i, j], b = values[j, i];
            if (Math.Abs(a - b) > 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b))))
            {
                errors.Add(ModelErrors.InvalidField(field, $"is not symmetric: [{i}][{j}] = {a} but [{j}][{i}] = {b}"));
                return;
            }
        }
    }

    public static Validation<Error, T> Result<T>(List<Error> errors, Func<T> build) =>
        errors.Count == 0 ? Validation<Error, T>.Success(build()) : Validation<Error, T>.Fail(errors.ToSeq());
}
