using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// The per-row quantities of the Ising transfer matrix at one beta, and one application of it.
/// </summary>
/// <remarks>
/// Row state bit c is spin c (1 for +1). Every factor is stored as a mantissa and a binary exponent
/// (<see cref="IsingMoments.Split"/>) after taking out a common logarithm: the bond factor exp(beta J s s')
/// as exp(beta J s s' - |beta J|) and the row factor as exp(-beta E_row(s) - max_s(-beta E_row)). The removed
/// logarithms add up to <see cref="LogShiftPerRow"/> per row, so no exponential overflows or underflows at any beta, J or h.
/// </remarks>
internal sealed class IsingRowTables
{
    /// <summary>Rows with at least this many state pairs are mixed in parallel ranges.</summary>
    private const int ParallelPairs = 1 << 12;

    /// <summary>State pairs per parallel range: a few hundred microseconds of work each.</summary>
    private const int RangePairs = 1 << 11;

    private readonly double _coupling;
    private readonly (double Mantissa, int Exponent) _same;
    private readonly (double Mantissa, int Exponent) _opposite;

    public IsingRowTables(IsingModel model, double beta, int maxDegreeOfParallelism)
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        Width = Math.Min(model.Rows, model.Columns);
        StateCount = 1 << Width;
        _coupling = model.Coupling;
        var bondExponent = beta * model.Coupling;
        var bondLogShift = Math.Abs(bondExponent);
        _same = IsingMoments.Split(bondExponent - bondLogShift);
        _opposite = IsingMoments.Split(-bondExponent - bondLogShift);
        RowEnergy = new double[StateCount];
        RowMagnetisation = new double[StateCount];
        var logWeights = new double[StateCount];
        var periodic = model.Boundary == Boundary.Periodic;
        for (var state = 0; state < StateCount; state++)
        {
            double bonds = 0, magnetisation = 0;
            for (var c = 0; c < Width; c++)
            {
                var spin = Spin(state, c);
                magnetisation += spin;
                if (c + 1 < Width) bonds += spin * Spin(state, c + 1);
                else if (periodic) bonds += spin * Spin(state, 0);
            }

            RowEnergy[state] = -model.Coupling * bonds - model.Field * magnetisation;
            RowMagnetisation[state] = magnetisation;
            logWeights[state] = -beta * RowEnergy[state];
        }

        DiagonalLogShift = logWeights.Max();
        Diagonal = logWeights.Select(x => IsingMoments.Split(x - DiagonalLogShift)).ToArray();
        LogShiftPerRow = Width * bondLogShift + DiagonalLogShift;
    }

    public int Width { get; }

    /// <summary>The caller's degree of parallelism, for the column mixing and the orbits of a trace.</summary>
    public int MaxDegreeOfParallelism { get; }

    public int StateCount { get; }

    public double[] RowEnergy { get; }

    public double[] RowMagnetisation { get; }

    /// <summary>exp(-beta E_row(s) - <see cref="DiagonalLogShift"/>) as mantissa and exponent.</summary>
    public (double Mantissa, int Exponent)[] Diagonal { get; }

    public double DiagonalLogShift { get; }

    /// <summary>The logarithm taken out of the weights by one <see cref="Step"/>.</summary>
    public double LogShiftPerRow { get; }

    /// <summary>Every configuration set extended by the energy and weight of its last row (the first row of an open lattice).</summary>
    public void ApplyDiagonal(IsingMoments[] vector)
    {
        for (var state = 0; state < StateCount; state++)
            vector[state] = vector[state].Extend(Diagonal[state].Mantissa, Diagonal[state].Exponent, RowEnergy[state], RowMagnetisation[state]);
    }

    /// <summary>Adds one row: the bonds to the previous row, one column at a time, then the new row's own energy.</summary>
    public void Step(IsingMoments[] vector)
    {
        var pairs = StateCount / 2;
        var rangePairs = pairs >= ParallelPairs ? RangePairs : pairs;
        for (var c = 0; c < Width; c++)
        {
            var column = c;
            Batch.ForEachRange(MaxDegreeOfParallelism, pairs, rangePairs, (from, to) => MixColumn(vector, column, from, to));
        }

        ApplyDiagonal(vector);
    }

    /// <summary>
    /// The bond factor of one column applied to pairs [from, to) of states differing in that column's spin;
    /// each pair is independent, so any split of the range gives identical results.
    /// </summary>
    private void MixColumn(IsingMoments[] vector, int column, int from, int to)
    {
        var bit = 1 << column;
        var lowMask = bit - 1;
        var (same, sameExponent) = _same;
        var (opposite, oppositeExponent) = _opposite;
        for (var pair = from; pair < to; pair++)
        {
            var low = ((pair & ~lowMask) << 1) | (pair & lowMask);
            var high = low | bit;
            var down = vector[low];
            var up = vector[high];
            vector[low] = IsingMoments.Merge(down, same, sameExponent, -_coupling, up, opposite, oppositeExponent, _coupling);
            vector[high] = IsingMoments.Merge(down, opposite, oppositeExponent, _coupling, up, same, sameExponent, -_coupling);
        }
    }

    private static double Spin(int state, int column) => ((state >> column) & 1) == 1 ? 1.0 : -1.0;
}
