using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Optim;

/// <summary>
/// The immutable state of a <see cref="GradientTransformation"/>: a step count (for schedules and bias
/// corrections), the transformation's own buffers (a momentum trace, Adam's two moments) and, for a chain, the
/// states of its members in order. Equality is structural.
/// </summary>
/// <param name="Count">Updates applied so far.</param>
/// <param name="Buffers">The transformation's vectors, each as long as the parameters.</param>
/// <param name="Inner">The states of a chain's members, in order; empty for a single transformation.</param>
public sealed record TransformState(long Count, Seq<Vec> Buffers, Seq<TransformState> Inner)
{
    /// <summary>The state of a stateless transformation.</summary>
    public static TransformState Empty { get; } = new(0, Seq<Vec>.Empty, Seq<TransformState>.Empty);
}
