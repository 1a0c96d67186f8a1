namespace Ebm.Functional.Mcmc;

/// <summary>
/// The info of <see cref="Kernels.Sequence{TState,TInfo1,TInfo2}(KernelStep{TState,TInfo1}, KernelStep{TState,TInfo2})"/>:
/// the infos of its two parts, and the acceptance and failures of the pair (<see cref="ComposedInfo"/>).
/// </summary>
/// <param name="First">The info of the first kernel's step.</param>
/// <param name="Second">The info of the second kernel's step.</param>
public sealed record SequenceInfo<TFirst, TSecond>(TFirst First, TSecond Second) : ComposedInfo
{
    /// <inheritdoc />
    protected override IEnumerable<object?> Parts => [First, Second];
}
