namespace Ebm.Functional.Mcmc;

/// <summary>
/// The info of <see cref="Kernels.Mixture{TState,TInfo}(IReadOnlyList{double}, IReadOnlyList{KernelStep{TState,TInfo}})"/>:
/// which kernel the step chose, its info, and its acceptance and failures (<see cref="ComposedInfo"/>).
/// </summary>
/// <param name="Chosen">The index of the chosen kernel.</param>
/// <param name="Info">The chosen kernel's info.</param>
public sealed record MixtureInfo<TInfo>(int Chosen, TInfo Info) : ComposedInfo
{
    /// <inheritdoc />
    protected override IEnumerable<object?> Parts => [Info];
}
