using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>A tiny linked importance sampling run: a 2-unit machine, 1 or 2 transitions, chains of 1 to 3 states (3 only with one transition).</summary>
public sealed record LinkedCase(SmcExactCase Path, int ChainLength)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path} K={ChainLength}";
}
