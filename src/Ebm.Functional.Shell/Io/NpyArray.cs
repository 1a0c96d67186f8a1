namespace Ebm.Functional.Shell.Io;

/// <summary>
/// An n-dimensional numeric array read from or written to a NumPy <c>.npy</c> file (or read from another binary array
/// format, such as IDX): its shape and its values as
/// doubles in C (row-major) order, whatever the stored type (float32, float64, bool, integers).
/// </summary>
/// <remarks>
/// Every stored type converts to double exactly (float32 and integers of up to 53 bits), so a float32 array read and
/// written back holds the same numbers.
/// </remarks>
public sealed class NpyArray
{
    private readonly double[] _values;
    private readonly int[] _shape;

    private NpyArray(int[] shape, double[] values, string type)
    {
        _shape = shape;
        _values = values;
        Type = type;
    }

    /// <summary>The length of each dimension; empty for a scalar (0-d) array.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The values in C order (the last index varies fastest).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The stored type as NumPy names it (<c>float64</c>, <c>float32</c>, <c>uint8</c>, <c>bool</c>, ...).</summary>
    public string Type { get; }

    /// <summary>The number of values, the product of the shape (1 for a scalar).</summary>
    public int Count => _values.Length;

    /// <summary>The shape as NumPy prints it, e.g. <c>(3, 4)</c> or <c>(5,)</c>.</summary>
    public string ShapeText => Describe(_shape);

    /// <summary>A float64 array of <paramref name="shape"/> holding a copy of <paramref name="values"/> in C order.</summary>
    /// <exception cref="ArgumentException">The number of values is not the product of the shape, or a length is negative.</exception>
    public static NpyArray Of(IReadOnlyList<int> shape, ReadOnlySpan<double> values) => Of(shape, values.ToArray(), "float64");

    internal static NpyArray Of(IReadOnlyList<int> shape, double[] values, string type)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var length in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            count *= length;
        }

        if (count != values.Length) throw new ArgumentException($"the shape {Describe(shape)} holds {count} values, got {values.Length}", nameof(values));
        return new NpyArray(shape.ToArray(), values, type);
    }

    /// <summary>A shape as NumPy prints it.</summary>
    internal static string Describe(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
