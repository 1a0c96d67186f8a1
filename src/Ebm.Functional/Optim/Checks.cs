using System.Numerics.Tensors;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Optim;

/// <summary>The checks of hyper-parameters and lengths shared by the transformations.</summary>
internal static class Checks
{
    public static Validation<Error, double> Finite(string name, double value) =>
        double.IsFinite(value) ? Success<Error, double>(value) : Fail<Error, double>(OptimErrors.NotFinite(name, value));

    public static Validation<Error, double> NonNegative(string name, double value) =>
        double.IsFinite(value) && value >= 0 ? Success<Error, double>(value) : Fail<Error, double>(OptimErrors.Negative(name, value));

    public static Validation<Error, double> Positive(string name, double value) =>
        double.IsFinite(value) && value > 0 ? Success<Error, double>(value) : Fail<Error, double>(OptimErrors.NotPositive(name, value));

    public static Validation<Error, double> Decay(string name, double value) =>
        value is >= 0 and < 1 ? Success<Error, double>(value) : Fail<Error, double>(OptimErrors.DecayOutOfRange(name, value));

    /// <summary>Fails unless there are <paramref name="bufferCount"/> buffers and every vector is as long as <paramref name="parameters"/>.</summary>
    public static Fin<Unit> SameLength(Vec parameters, Vec grads, Seq<Vec> buffers, int bufferCount)
    {
        if (buffers.Count != bufferCount) return OptimErrors.LengthMismatch("state buffers", bufferCount, buffers.Count);
        if (grads.Length != parameters.Length) return OptimErrors.LengthMismatch("gradients", parameters.Length, grads.Length);
        foreach (var b in buffers)
            if (b.Length != parameters.Length) return OptimErrors.LengthMismatch("state buffer", parameters.Length, b.Length);
        return unit;
    }

    /// <summary>
    /// A new vector with s · g[i] at i, vectorised (each product rounded once, as the scalar loop rounds it); every entry
    /// is written, so the buffer skips the zeroing that <see cref="Vec.Create"/> does (a 3 MB pass for a 784 x 500 RBM).
    /// </summary>
    public static Vec Scaled(Vec g, double s)
    {
        var result = GC.AllocateUninitializedArray<double>(g.Length);
        TensorPrimitives.Multiply(g.Span, s, result);
        return Vec.Wrap(result);
    }

    /// <summary>A new vector with a[i] + b[i] at i, vectorised (each sum rounded once) and unzeroed as <see cref="Scaled"/>; a and b have the same length.</summary>
    public static Vec Sum(Vec a, Vec b)
    {
        var result = GC.AllocateUninitializedArray<double>(a.Length);
        TensorPrimitives.Add(a.Span, b.Span, result);
        return Vec.Wrap(result);
    }

    /// <summary>A new vector with f(a[i], b[i]) at i; a and b have the same length.</summary>
    public static Vec Zip(Vec a, Vec b, Func<double, double, double> f)
    {
        var x = a.UnsafeArray();
        var y = b.UnsafeArray();
        return Vec.Create(x.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = f(x[i], y[i]);
        });
    }
}
