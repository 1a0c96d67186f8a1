namespace Ebm.Functional.Numerics;

/// <summary>
/// An immutable row-major matrix of doubles with structural equality.
/// </summary>
/// <remarks>
/// A batch of n states of dimension d is one n x d <see cref="Mat"/>: row i is state i.
/// Built once by filling a private buffer (<see cref="Create"/>), then read through spans.
/// </remarks>
public sealed class Mat : IEquatable<Mat>
{
    /// <summary>Fills a freshly allocated row-major buffer of Rows * Columns entries.</summary>
    public delegate void Filler(Span<double> destination);

    private readonly double[] _data;

    private Mat(int rows, int columns, double[] data)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Entry (row, column).</summary>
    public double this[int row, int column] => _data[row * Columns + column];

    /// <summary>All entries, row-major.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>Row <paramref name="row"/> as a read-only span.</summary>
    public ReadOnlySpan<double> Row(int row) => _data.AsSpan(row * Columns, Columns);

    /// <summary>Allocates a zero matrix and lets <paramref name="fill"/> write its row-major entries once.</summary>
    public static Mat Create(int rows, int columns, Filler fill)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        var data = new double[checked(rows * columns)];
        fill(data);
        return new Mat(rows, columns, data);
    }

    /// <summary>A zero matrix.</summary>
    public static Mat Zeros(int rows, int columns) => Create(rows, columns, _ => { });

    /// <summary>Copies a row-major span.</summary>
    public static Mat From(int rows, int columns, ReadOnlySpan<double> rowMajor)
    {
        if (rowMajor.Length != checked(rows * columns))
            throw new ArgumentException($"expected {rows * columns} values, got {rowMajor.Length}", nameof(rowMajor));
        return new Mat(rows, columns, rowMajor.ToArray());
    }

    /// <summary>Copies a rectangular jagged array; throws on ragged input (validate user data before).</summary>
    public static Mat FromRows(IReadOnlyList<double[]> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        return Create(rows.Count, columns, d =>
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Length != columns) throw new ArgumentException($"row {i} has {rows[i].Length} values, expected {columns}", nameof(rows));
                rows[i].CopyTo(d.Slice(i * columns, columns));
            }
        });
    }

    /// <summary>Takes ownership of <paramref name="data"/>: the caller must not write to it afterwards.</summary>
    internal static Mat Wrap(int rows, int columns, double[] data) => new(rows, columns, data);

    /// <summary>The transpose, as a new matrix.</summary>
    public Mat Transpose()
    {
        var src = _data;
        int r = Rows, c = Columns;
        return Create(c, r, d =>
        {
            for (var i = 0; i < r; i++)
            for (var j = 0; j < c; j++)
                d[j * r + i] = src[i * c + j];
        });
    }

    /// <summary>The rows as fresh arrays.</summary>
    public double[][] ToRows()
    {
        var result = new double[Rows][];
        for (var i = 0; i < Rows; i++) result[i] = Row(i).ToArray();
        return result;
    }

    /// <inheritdoc />
    public bool Equals(Mat? other) =>
        other is not null && (ReferenceEquals(this, other) ||
                              (Rows == other.Rows && Columns == other.Columns && _data.AsSpan().SequenceEqual(other._data)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Mat);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Rows);
        hash.Add(Columns);
        foreach (var x in _data) hash.Add(x);
        return hash.ToHashCode();
    }

    /// <summary>Structural equality.</summary>
    public static bool operator ==(Mat? a, Mat? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Mat? a, Mat? b) => !(a == b);

    /// <inheritdoc />
    public override string ToString() => $"Mat({Rows}x{Columns})";

    internal double[] UnsafeArray() => _data;
}
