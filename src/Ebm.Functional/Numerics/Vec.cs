using System.Runtime.CompilerServices;

namespace Ebm.Functional.Numerics;

/// <summary>
/// An immutable vector of doubles with structural equality.
/// </summary>
/// <remarks>
/// Built once by filling a private buffer and publishing it (ownership transfer, no copy):
/// <c>Vec.Create(n, span =&gt; ...)</c>. Readers get a <see cref="ReadOnlySpan{T}"/>.
/// </remarks>
public sealed class Vec : IEquatable<Vec>
{
    /// <summary>Fills a freshly allocated buffer.</summary>
    public delegate void Filler(Span<double> destination);

    private readonly double[] _data;

    private Vec(double[] data) => _data = data;

    /// <summary>The empty vector.</summary>
    public static Vec Empty { get; } = new([]);

    /// <summary>Number of entries.</summary>
    public int Length => _data.Length;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public double this[int index] => _data[index];

    /// <summary>Read-only view of the entries.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>Allocates <paramref name="length"/> zeros and lets <paramref name="fill"/> write them once.</summary>
    public static Vec Create(int length, Filler fill)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var data = new double[length];
        fill(data);
        return new Vec(data);
    }

    /// <summary>A vector of <paramref name="length"/> zeros.</summary>
    public static Vec Zeros(int length) => Create(length, _ => { });

    /// <summary>A vector with every entry equal to <paramref name="value"/>.</summary>
    public static Vec Filled(int length, double value) => Create(length, d => d.Fill(value));

    /// <summary>Copies <paramref name="values"/>.</summary>
    public static Vec From(ReadOnlySpan<double> values) => new(values.ToArray());

    /// <summary>Copies <paramref name="values"/>.</summary>
    public static Vec Of(params double[] values) => new((double[])values.Clone());

    /// <summary>Takes ownership of <paramref name="data"/>: the caller must not write to it afterwards.</summary>
    internal static Vec Wrap(double[] data) => new(data);

    /// <summary>A new vector with <paramref name="f"/> applied to each entry.</summary>
    public Vec Map(Func<double, double> f)
    {
        var src = _data;
        return Create(src.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = f(src[i]);
        });
    }

    /// <summary>A copy of the entries as a fresh array.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <inheritdoc />
    public bool Equals(Vec? other) =>
        other is not null && (ReferenceEquals(this, other) || _data.AsSpan().SequenceEqual(other._data));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Vec);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_data.Length);
        foreach (var x in _data) hash.Add(x);
        return hash.ToHashCode();
    }

    /// <summary>Structural equality.</summary>
    public static bool operator ==(Vec? a, Vec? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Vec? a, Vec? b) => !(a == b);

    /// <inheritdoc />
    public override string ToString() =>
        _data.Length <= 8
            ? $"[{string.Join(", ", _data.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]"
            : $"Vec({_data.Length})";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double[] UnsafeArray() => _data;
}
