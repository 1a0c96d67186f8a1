using System.Collections;
using LanguageExt;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The info of <see cref="Kernels.Cycle{TState,TInfo}(KernelStep{TState,TInfo}[])"/> and
/// <see cref="Kernels.Repeat{TState,TInfo}(KernelStep{TState,TInfo}, int)"/>: one info per move, in order of application,
/// read as a list, and the acceptance and failures of the whole step (<see cref="ComposedInfo"/>).
/// </summary>
/// <param name="Infos">The info of each move, in order.</param>
public sealed record MovesInfo<TInfo>(Seq<TInfo> Infos) : ComposedInfo, IReadOnlyList<TInfo>
{
    /// <summary>The number of infos, one per kernel application at this level (a nested composition counts once here, all its moves in <see cref="ComposedInfo.Moves"/>).</summary>
    public int Count => Infos.Count;

    /// <summary>The info of move <paramref name="index"/>.</summary>
    public TInfo this[int index] => Infos[index];

    /// <inheritdoc />
    protected override IEnumerable<object?> Parts => Infos.Map(info => (object?)info);

    /// <inheritdoc />
    public IEnumerator<TInfo> GetEnumerator() => Infos.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
