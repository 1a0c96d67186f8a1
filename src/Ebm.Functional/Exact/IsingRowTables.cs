using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>
/// The per-row quantities of the Ising transfer matrix at one beta, and one application of it.
/// </summary>
/// <remarks>
/// Row state bit c is spin c (1 for +1). Weights are kept below 1: the bond factor exp(beta J s s') is
/// stored as exp(beta J s s' - |beta J|) and the row factor as exp(-beta E_row(s) - max_s(-beta E_row)),
/// the removed logarithms returned to the caller, so no exponential overflows at any beta, J or h.
/// </remarks>
internal sealed class IsingRowTables
{
    /// <summary>Rows with at least this many state pairs are mixed in parallel chunks.</summary>
    private const int ParallelPairs = 1 << 12;

    private readonly double _coupling;
    private readonly double _sameWeight;
    private readonly double _oppositeWeight;
    private readonly double _bondLogShift;

    public IsingRowTables(IsingModel model, double beta)
    {
        Width = Math.Min(model.Rows, model.Columns);
        StateCount = 1 << Width;
        _coupling = model.Coupling;
        var bondExponent = beta * model.Coupling;
        _bondLogShift = Math.Abs(bondExponent);
        _sameWeight = Math.Exp(bondExponent - _bondLogShift);
        _oppositeWeight = Math.Exp(-bondExponent - _bondLogShift);
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
        DiagonalWeight = logWeights.Select(x => Math.Exp(x - DiagonalLogShift)).ToArray();
    }

    public int Width { get; }

    public int StateCount { get; }

    public double[] RowEnergy { get; }

    public double[] RowMagnetisation { get; }

    public double[] DiagonalWeight { get; }

    public double DiagonalLogShift { get; }

    /// <summary>
    /// Adds one row: the bonds to the previous row, one column at a time, then the new row's own energy.
    /// Returns the logarithm of the factors taken out of the weights.
    /// </summary>
    public double Step(IsingMoments[] vector)
    {
        var pairs = StateCount / 2;
        var chunks = pairs >= ParallelPairs ? Environment.ProcessorCount : 1;
        for (var c = 0; c < Width; c++)
        {
            var column = c;
            if (chunks == 1) MixColumn(vector, column, 0, pairs);
            else
                Parallel.For(0, chunks, chunk => MixColumn(vector, column, (int)((long)pairs * chunk / chunks), (int)((long)pairs * (chunk + 1) / chunks)));
        }

        for (var state = 0; state < StateCount; state++)
            vector[state] = vector[state].Extend(DiagonalWeight[state], RowEnergy[state], RowMagnetisation[state]);
        return Width * _bondLogShift + DiagonalLogShift;
    }

    /// <summary>
    /// The bond factor of one column applied to pairs [from, to) of states differing in that column's spin;
    /// each pair is independent, so any split of the range gives identical results.
    /// </summary>
    private void MixColumn(IsingMoments[] vector, int column, int from, int to)
    {
        var bit = 1 << column;
        var lowMask = bit - 1;
        for (var pair = from; pair < to; pair++)
        {
            var low = ((pair & ~lowMask) << 1) | (pair & lowMask);
            var high = low | bit;
            var down = vector[low];
            var up = vector[high];
            vector[low] = IsingMoments.Merge(down, _sameWeight, -_coupling, up, _oppositeWeight, _coupling);
            vector[high] = IsingMoments.Merge(down, _oppositeWeight, _coupling, up, _sameWeight, -_coupling);
        }
    }

    private static double Spin(int state, int column) => ((state >> column) & 1) == 1 ? 1.0 : -1.0;
}
