using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Optim;

/// <summary>Learning-rate schedules (step -&gt; value), for <see cref="Transforms.ScaleBySchedule"/>.</summary>
public static class Schedules
{
    /// <summary>The same <paramref name="value"/> at every step.</summary>
    /// <returns>The schedule, or <see cref="OptimErrors.NotFinite"/>.</returns>
    public static Validation<Error, Schedule> Constant(double value) =>
        Checks.Finite("value", value).Map(_ => (Schedule)(_ => value));

    /// <summary>
    /// From <paramref name="initial"/> at step 0 linearly to <paramref name="final"/> at step
    /// <paramref name="steps"/>, and <paramref name="final"/> after.
    /// </summary>
    /// <returns>The schedule, or the errors of every invalid argument (non-finite values, steps &lt; 1).</returns>
    public static Validation<Error, Schedule> LinearDecay(double initial, double final, long steps) =>
        (Checks.Finite("initial", initial), Checks.Finite("final", final), AtLeast("steps", steps, 1))
            .Apply((_, _, _) => (Schedule)(step => initial + (final - initial) * Fraction(step, steps)));

    /// <summary>
    /// Cosine decay (Loshchilov &amp; Hutter 2017, SGDR, without restarts): initial · ((1 - alpha) · (1 + cos(π t / steps)) / 2 + alpha)
    /// with t = min(step, steps), so the value falls from <paramref name="initial"/> to alpha · initial.
    /// </summary>
    /// <returns>The schedule, or the errors of every invalid argument (non-finite initial, alpha outside [0, 1], steps &lt; 1).</returns>
    public static Validation<Error, Schedule> CosineDecay(double initial, long steps, double alpha = 0.0) =>
        (Checks.Finite("initial", initial), Fraction01("alpha", alpha), AtLeast("steps", steps, 1))
            .Apply((_, _, _) => (Schedule)(step =>
                initial * ((1 - alpha) * 0.5 * (1 + Math.Cos(Math.PI * Fraction(step, steps))) + alpha)));

    /// <summary>
    /// A linear warm-up from <paramref name="initial"/> at step 0 to <paramref name="then"/>(0) at step
    /// <paramref name="warmupSteps"/>, followed by <paramref name="then"/>(step - warmupSteps).
    /// </summary>
    /// <returns>The schedule, or <see cref="OptimErrors.NotFinite"/> / <see cref="OptimErrors.InvalidSteps"/> (warm-up steps &lt; 1).</returns>
    public static Validation<Error, Schedule> Warmup(double initial, long warmupSteps, Schedule then)
    {
        ArgumentNullException.ThrowIfNull(then);
        return (Checks.Finite("initial", initial), AtLeast("warmup steps", warmupSteps, 1))
            .Apply((_, _) => (Schedule)(step => step < warmupSteps
                ? initial + (then(0) - initial) * Fraction(step, warmupSteps)
                : then(step - warmupSteps)));
    }

    private static double Fraction(long step, long steps) => (double)Math.Clamp(step, 0, steps) / steps;

    private static Validation<Error, double> Fraction01(string name, double value) =>
        value is >= 0 and <= 1 ? Success<Error, double>(value) : Fail<Error, double>(OptimErrors.NotAFraction(name, value));

    private static Validation<Error, long> AtLeast(string name, long value, long minimum) =>
        value >= minimum ? Success<Error, long>(value) : Fail<Error, long>(OptimErrors.InvalidSteps(name, value, minimum));
}
