using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The single-unit moves of one Wang-Landau walker: propose a move from two random words, read the bin it leads to,
/// and keep it or not. A mutable struct owned by one walker; the walk's generic loop is compiled once per kind.
/// </summary>
internal interface IWangLandauMoves
{
    /// <summary>The bin of the current state.</summary>
    int Bin { get; }

    /// <summary>The error of a proposed state whose energy lies off the grid (after <see cref="Propose"/> returned -1).</summary>
    Error OffGrid();

    /// <summary>Proposes a symmetric single-unit move; returns the bin of the proposed state, or -1 when it lies off the grid.</summary>
    int Propose(uint siteWord, uint valueWord);

    /// <summary>Makes the last proposed state current.</summary>
    void Accept();
}
