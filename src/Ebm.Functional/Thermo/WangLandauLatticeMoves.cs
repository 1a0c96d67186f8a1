using Ebm.Functional.Prng;
using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Moves on a <see cref="WangLandauLattice"/>: a uniformly chosen unit takes a uniformly chosen other value (a flip for
/// q = 2), a symmetric proposal; the integer sums change by the unit's neighbour terms only.
/// </summary>
internal struct WangLandauLatticeMoves : IWangLandauMoves
{
    private readonly WangLandauLattice _lattice;
    private readonly byte[] _state;
    private readonly int[] _pair;
    private readonly int[] _single;
    private readonly int[] _neighbours;
    private readonly int[] _counts;
    private readonly int _levels;
    private readonly uint _sites;
    private int _bond;
    private int _field;
    private int _site;
    private byte _value;
    private int _proposedBond;
    private int _proposedField;
    private int _proposedBin;

    /// <summary>A walker at a state drawn uniformly with <paramref name="key"/>.</summary>
    public WangLandauLatticeMoves(WangLandauLattice lattice, RngKey key)
    {
        _lattice = lattice;
        _state = new byte[lattice.Sites];
        for (var i = 0; i < _state.Length; i++) _state[i] = (byte)Math.Min(lattice.Levels - 1, (int)(key.UniformAt(i) * lattice.Levels));
        _pair = lattice.Pair;
        _single = lattice.Single;
        _neighbours = lattice.Neighbours;
        _counts = lattice.NeighbourCounts;
        _levels = lattice.Levels;
        _sites = (uint)lattice.Sites;
        (_bond, _field) = lattice.Sums(_state);
        Bin = lattice.Bin(_bond, _field);
    }

    /// <inheritdoc />
    public int Bin { get; private set; }

    /// <inheritdoc />
    /// <remarks>The bins of a lattice hold every state, so no proposal is ever off the grid.</remarks>
    public readonly Error OffGrid() => throw new InvalidOperationException($"a lattice walker proposed bin {_proposedBin} outside its {_lattice.Bins} bins");

    /// <inheritdoc />
    public int Propose(uint siteWord, uint valueWord)
    {
        var site = (int)(((ulong)siteWord * _sites) >> 32);
        var old = _state[site];
        var value = _levels == 2 ? 1 - old : (old + 1 + (int)(((ulong)valueWord * (uint)(_levels - 1)) >> 32)) % _levels;
        var change = 0;
        var first = 4 * site;
        var oldRow = old * _levels;
        var newRow = value * _levels;
        for (var k = 0; k < _counts[site]; k++)
        {
            var neighbour = _state[_neighbours[first + k]];
            change += _pair[newRow + neighbour] - _pair[oldRow + neighbour];
        }

        _site = site;
        _value = (byte)value;
        _proposedBond = _bond + change;
        _proposedField = _field + _single[value] - _single[old];
        _proposedBin = _lattice.Bin(_proposedBond, _proposedField);
        return _proposedBin;
    }

    /// <inheritdoc />
    public void Accept()
    {
        _state[_site] = _value;
        _bond = _proposedBond;
        _field = _proposedField;
        Bin = _proposedBin;
    }
}
