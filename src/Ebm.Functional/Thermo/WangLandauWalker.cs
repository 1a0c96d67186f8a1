using Ebm.Functional.Numerics;

namespace Ebm.Functional.Thermo;

/// <summary>
/// One Wang-Landau walker's result (<see cref="WangLandau.RunWalker"/>): what <see cref="WangLandau.Combine"/> needs from
/// it. A plain value, so it can travel between machines.
/// </summary>
/// <param name="Walker">The walker's index.</param>
/// <param name="LogG">Its ln g per bin (meaningful where <paramref name="Visited"/> says so).</param>
/// <param name="Visited">Whether it visited each bin.</param>
/// <param name="Trials">The trials it made.</param>
/// <param name="LogF">Its final ln f.</param>
public sealed record WangLandauWalker(int Walker, Vec LogG, IReadOnlyList<bool> Visited, long Trials, double LogF);
