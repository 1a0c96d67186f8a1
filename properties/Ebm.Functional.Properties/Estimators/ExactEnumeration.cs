namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// The exact expectation of a computation whose every random choice goes through <see cref="Choices.Choose"/>:
/// the computation is run once per outcome (a depth-first walk of its tree of choices, each run replaying the
/// choices of the previous one up to the last that still has an untried option), and the values are summed
/// with the products of the chosen probabilities.
/// </summary>
/// <remarks>
/// The computation must be deterministic given its choices (the same choices lead to the same choice points with
/// the same options), which the estimators are: their keys are fixed and every other draw is a choice.
/// </remarks>
public static class ExactEnumeration
{
    /// <summary>sum over every outcome of P(outcome) * <paramref name="run"/>(outcome).</summary>
    public static double Expectation(Func<Choices, double> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var prefix = new List<int>();
        var total = 0.0;
        while (true)
        {
            var choices = new Choices(prefix);
            total += choices.Weight(run(choices));
            var position = choices.LastWithAnotherOption();
            if (position < 0) return total;
            prefix = choices.Advanced(position);
        }
    }
}
