using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Single-unit flips of any binary <see cref="IDiscreteModel"/> whose energies lie on an <see cref="EnergyGrid"/>: the
/// proposed energy is the current bin's grid energy plus the model's flip change, snapped back to the grid, so the
/// walker's energy never drifts.
/// </summary>
internal struct WangLandauGridMoves : IWangLandauMoves
{
    private readonly IDiscreteModel _model;
    private readonly EnergyGrid _grid;
    private readonly double[] _state;
    private readonly double _low;
    private readonly double _high;
    private readonly uint _sites;
    private int _site;
    private int _proposedBin;

    /// <summary>A walker at a state drawn uniformly with <paramref name="key"/>; its bin is -1 when its energy is off the grid.</summary>
    public WangLandauGridMoves(IDiscreteModel model, EnergyGrid grid, RngKey key)
    {
        _model = model;
        _grid = grid;
        (_low, _high) = model.States == StateConvention.Spin ? (-1.0, 1.0) : (0.0, 1.0);
        _state = new double[model.Dimension];
        for (var i = 0; i < _state.Length; i++) _state[i] = key.UniformAt(i) < 0.5 ? _low : _high;
        _sites = (uint)model.Dimension;
        ProposedEnergy = model.Energy(_state);
        Bin = grid.BinOf(ProposedEnergy);
    }

    /// <inheritdoc />
    public int Bin { get; private set; }

    /// <summary>The energy of the initial state, then of the last proposed one.</summary>
    public double ProposedEnergy { get; private set; }

    /// <inheritdoc />
    public readonly Error OffGrid() => WangLandauErrors.OffGrid(ProposedEnergy, _grid);

    /// <inheritdoc />
    public int Propose(uint siteWord, uint valueWord)
    {
        _site = (int)(((ulong)siteWord * _sites) >> 32);
        ProposedEnergy = _grid.Energy(Bin) + _model.FlipEnergyChange(_state, _site);
        _proposedBin = _grid.BinOf(ProposedEnergy);
        return _proposedBin;
    }

    /// <inheritdoc />
    public void Accept()
    {
        _state[_site] = _state[_site] == _high ? _low : _high;
        Bin = _proposedBin;
    }
}
