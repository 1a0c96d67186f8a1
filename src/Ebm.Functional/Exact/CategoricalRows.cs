using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>
/// The row tables of a categorical transfer matrix at one beta: each row state's own energy and magnetisation, the
/// factorised bond factor between rows, and the orbits of row states under the row's symmetries.
/// </summary>
/// <remarks>Row state s = sum_c s_c q^c over the W sites of a row (the shorter side of the lattice).</remarks>
internal sealed class CategoricalRows
{
    private readonly CategoricalTerms _terms;
    private readonly double[] _rowEnergy;
    private readonly double[] _rowAlong;
    private readonly double[] _rowAcross;
    private readonly double[] _rowFactor;
    private readonly double _rowShift;
    private readonly double[] _bondEnergy;
    private readonly double[] _bondFactor;
    private readonly double _bondShift;

    public CategoricalRows(CategoricalTerms terms, double beta)
    {
        _terms = terms;
        Width = Math.Min(terms.Rows, terms.Columns);
        Length = Math.Max(terms.Rows, terms.Columns);
        var q = terms.Levels;
        States = (int)CategoricalWalk.States(q, Width);
        _rowEnergy = new double[States];
        _rowAlong = new double[States];
        _rowAcross = new double[States];
        var digits = new int[Width];
        var periodic = terms.Boundary == Boundary.Periodic;
        for (var s = 0; s < States; s++)
        {
            Digits(s, digits);
            double bonds = 0.0, sites = 0.0, along = 0.0, across = 0.0;
            for (var c = 0; c < Width; c++)
            {
                if (c + 1 < Width || periodic) bonds += terms.PairValues[terms.ClassOf(digits[c], digits[(c + 1) % Width])];
                sites += terms.SiteValues[digits[c]];
                along += terms.Cosines[digits[c]];
                across += terms.Sines[digits[c]];
            }

            _rowEnergy[s] = -terms.Coupling * bonds - terms.Field * sites;
            _rowAlong[s] = along;
            _rowAcross[s] = across;
        }

        _rowShift = _rowEnergy.Max(e => -beta * e);
        _rowFactor = _rowEnergy.Select(e => Math.Exp(-beta * e - _rowShift)).ToArray();
        _bondEnergy = new double[q * q];
        for (var a = 0; a < q; a++)
        for (var b = 0; b < q; b++)
            _bondEnergy[a * q + b] = -terms.Coupling * terms.PairValues[terms.ClassOf(a, b)];
        _bondShift = _bondEnergy.Max(e => -beta * e);
        _bondFactor = _bondEnergy.Select(e => Math.Exp(-beta * e - _bondShift)).ToArray();
        EnergyRange = _rowEnergy.Max() - _rowEnergy.Min() + Width * (_bondEnergy.Max() - _bondEnergy.Min());
    }

    /// <summary>Sites per row W.</summary>
    public int Width { get; }

    /// <summary>Rows L.</summary>
    public int Length { get; }

    /// <summary>Row states q^W.</summary>
    public int States { get; }

    /// <summary>The spread of a row's own energy plus that of its bonds to the next row.</summary>
    public double EnergyRange { get; }

    /// <summary>Multiplies each entry by its row's own Boltzmann factor and adds the row's energy and magnetisation.</summary>
    public void ApplyRow(CategoricalRowMoments vector)
    {
        for (var s = 0; s < States; s++)
        {
            vector.Weight[s] *= _rowFactor[s];
            vector.Energy[s] += _rowEnergy[s];
            vector.Along[s] += _rowAlong[s];
            vector.Across[s] += _rowAcross[s];
        }

        vector.LogShift += _rowShift;
        vector.Normalise();
    }

    /// <summary>The bonds from this row to the next, one column at a time (the factorised B); returns the new vector.</summary>
    public CategoricalRowMoments ApplyBonds(CategoricalRowMoments vector)
    {
        var q = _terms.Levels;
        var next = new CategoricalRowMoments(States);
        Span<int> sources = stackalloc int[q];
        Span<double> factor = stackalloc double[q];
        Span<double> energy = stackalloc double[q];
        var stride = 1;
        for (var c = 0; c < Width; c++, stride *= q)
        {
            for (var j = 0; j < States; j++)
            {
                var b = j / stride % q;
                for (var a = 0; a < q; a++)
                {
                    sources[a] = j + (a - b) * stride;
                    factor[a] = _bondFactor[a * q + b];
                    energy[a] = _bondEnergy[a * q + b];
                }

                next.Pool(j, vector, sources, factor, energy);
            }

            next.LogShift = vector.LogShift + _bondShift;
            next.Normalise();
            (vector, next) = (next, vector);
        }

        return vector;
    }

    /// <summary>One representative per orbit of row states under the W translations and W reflections of a periodic row, with the orbit sizes.</summary>
    public (int[] Representatives, int[] Sizes) Orbits()
    {
        var representatives = new List<int>();
        var sizes = new List<int>();
        var digits = new int[Width];
        var images = new HashSet<int>();
        for (var s = 0; s < States; s++)
        {
            Digits(s, digits);
            images.Clear();
            var smallest = true;
            for (var shift = 0; shift < Width && smallest; shift++)
            for (var mirror = 0; mirror < 2 && smallest; mirror++)
            {
                var image = 0;
                for (var c = Width - 1; c >= 0; c--)
                {
                    var source = mirror == 0 ? (c + shift) % Width : (Width - 1 - c + shift) % Width;
                    image = image * _terms.Levels + digits[source];
                }

                smallest = image >= s;
                images.Add(image);
            }

            if (!smallest) continue;
            representatives.Add(s);
            sizes.Add(images.Count);
        }

        return (representatives.ToArray(), sizes.ToArray());
    }

    private void Digits(int s, int[] digits)
    {
        for (var c = 0; c < digits.Length; c++, s /= _terms.Levels) digits[c] = s % _terms.Levels;
    }
}
