using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// An annealing schedule: path positions 0 = t_0 &lt; t_1 &lt; ... &lt; t_K = 1. On a tempered path the
/// inverse temperature at step k is t_k times the target beta.
/// </summary>
public sealed record AnnealingSchedule
{
    private AnnealingSchedule(string name, Vec points)
    {
        Name = name;
        Points = points;
    }

    /// <summary>How the schedule was made (linear, geometric, sigmoid, piecewise, file, ...).</summary>
    public string Name { get; }

    /// <summary>The K + 1 positions, starting at 0 and ending at 1.</summary>
    public Vec Points { get; }

    /// <summary>K, the number of transitions.</summary>
    public int Steps => Points.Length - 1;

    /// <summary>t_k.</summary>
    public double this[int k] => Points[k];

    /// <summary>A schedule from explicit points: finite, strictly increasing, from exactly 0 to exactly 1; every problem is reported.</summary>
    public static Validation<Error, AnnealingSchedule> Create(Vec points, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(points);
        var errors = Seq<Error>();
        if (points.Length < 2)
            return Fail<Error, AnnealingSchedule>(AnnealingErrors.InvalidSchedule($"a schedule needs at least 2 points (0 and 1), got {points.Length}"));
        if (points[0] != 0.0) errors = errors.Add(AnnealingErrors.InvalidSchedule($"the first point must be 0, got {points[0]}"));
        if (points[^1] != 1.0) errors = errors.Add(AnnealingErrors.InvalidSchedule($"the last point must be 1, got {points[^1]}"));
        for (var k = 0; k < points.Length; k++)
        {
            if (!double.IsFinite(points[k])) errors = errors.Add(AnnealingErrors.InvalidSchedule($"point {k} is {points[k]}, not a finite number"));
            else if (k > 0 && !(points[k] > points[k - 1]))
                errors = errors.Add(AnnealingErrors.InvalidSchedule($"points must increase strictly: point {k} ({points[k]}) follows {points[k - 1]}"));
            if (errors.Count >= 10) break;
        }

        return errors.IsEmpty ? Success<Error, AnnealingSchedule>(new AnnealingSchedule(name, points)) : Fail<Error, AnnealingSchedule>(errors);
    }

    /// <summary>t_k = k / K.</summary>
    /// <param name="steps">K, at least 1.</param>
    /// <returns>The schedule, or <see cref="AnnealingErrors.InvalidSchedule"/> when K &lt; 1.</returns>
    public static Validation<Error, AnnealingSchedule> Linear(int steps) =>
        CheckSteps(steps).Map(k => new AnnealingSchedule("linear", Vec.Create(k + 1, d =>
        {
            for (var i = 0; i <= k; i++) d[i] = (double)i / k;
            d[k] = 1.0;
        })));

    /// <summary>
    /// t_0 = 0 and t_1 .. t_K geometric from <paramref name="start"/> to 1 (t_k = start^((K - k) / (K - 1))):
    /// small steps where the distribution changes fastest near t = 0 of a tempered path.
    /// </summary>
    /// <param name="steps">K, at least 1.</param>
    /// <param name="start">t_1, strictly between 0 and 1.</param>
    /// <returns>The schedule, or every problem found (<see cref="AnnealingErrors.InvalidSchedule"/>).</returns>
    public static Validation<Error, AnnealingSchedule> Geometric(int steps, double start = 1e-3)
    {
        var first = start > 0 && start < 1
            ? Success<Error, double>(start)
            : Fail<Error, double>(AnnealingErrors.InvalidSchedule($"the geometric start lies strictly between 0 and 1, not {start}"));
        return (CheckSteps(steps), first).Apply((k, t1) => new AnnealingSchedule("geometric", Vec.Create(k + 1, d =>
        {
            d[0] = 0.0;
            for (var i = 1; i < k; i++) d[i] = Math.Pow(t1, (double)(k - i) / (k - 1));
            d[k] = 1.0;
        })));
    }

    /// <summary>
    /// The sigmoidal schedule of Grosse, Maddison and Salakhutdinov (2013): s_k = sigmoid(width (2k/K - 1)),
    /// rescaled so that t_0 = 0 and t_K = 1; dense at both ends.
    /// </summary>
    /// <param name="steps">K, at least 1.</param>
    /// <param name="width">The sigmoid's width, positive and finite.</param>
    /// <returns>The schedule, or every problem found (<see cref="AnnealingErrors.InvalidSchedule"/>).</returns>
    public static Validation<Error, AnnealingSchedule> Sigmoid(int steps, double width = 4.0)
    {
        var checkedWidth = width > 0 && double.IsFinite(width)
            ? Success<Error, double>(width)
            : Fail<Error, double>(AnnealingErrors.InvalidSchedule($"the sigmoid width is positive and finite, not {width}"));
        return (CheckSteps(steps), checkedWidth).Apply((k, w) =>
        {
            var low = LogSpace.Sigmoid(-w);
            var high = LogSpace.Sigmoid(w);
            return new AnnealingSchedule("sigmoid", Vec.Create(k + 1, d =>
            {
                for (var i = 0; i <= k; i++) d[i] = (LogSpace.Sigmoid(w * (2.0 * i / k - 1.0)) - low) / (high - low);
                d[0] = 0.0;
                d[k] = 1.0;
            }));
        });
    }

    /// <summary>
    /// Linear pieces: from the previous end (0 at first) to each <c>End</c> in <c>Steps</c> equal steps; the
    /// last end must be 1.
    /// </summary>
    /// <param name="pieces">The pieces: ends increasing within (0, 1], the last 1, each with at least one step.</param>
    /// <returns>The schedule, or every problem found (<see cref="AnnealingErrors.InvalidSchedule"/>).</returns>
    public static Validation<Error, AnnealingSchedule> Piecewise(params (double End, int Steps)[] pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Length == 0) return Fail<Error, AnnealingSchedule>(AnnealingErrors.InvalidSchedule("a piecewise schedule needs at least one piece"));
        var errors = Seq<Error>();
        var start = 0.0;
        foreach (var (end, steps) in pieces)
        {
            if (steps < 1) errors = errors.Add(AnnealingErrors.InvalidSchedule($"the piece ending at {end} has {steps} steps; each needs at least 1"));
            if (!(end > start && end <= 1.0)) errors = errors.Add(AnnealingErrors.InvalidSchedule($"piece ends must increase within (0, 1]: {end} follows {start}"));
            start = end;
        }

        if (start != 1.0) errors = errors.Add(AnnealingErrors.InvalidSchedule($"the last piece must end at 1, not {start}"));
        return errors.IsEmpty ? Success<Error, AnnealingSchedule>(Pieces("piecewise", pieces)) : Fail<Error, AnnealingSchedule>(errors);
    }

    /// <summary>
    /// The 14,500-step schedule of Salakhutdinov and Murray (2008): steps of 10^-3 up to 0.5, 10^-4 up to 0.9,
    /// then 10^-5 up to 1.
    /// </summary>
    public static AnnealingSchedule SalakhutdinovMurray { get; } = Pieces("salakhutdinov-murray", [(0.5, 500), (0.9, 4000), (1.0, 10000)]);

    // The points of pieces already checked (Piecewise) or constant (SalakhutdinovMurray).
    private static AnnealingSchedule Pieces(string name, (double End, int Steps)[] pieces)
    {
        var points = new List<double> { 0.0 };
        var start = 0.0;
        foreach (var (end, steps) in pieces)
        {
            for (var k = 1; k <= steps; k++) points.Add(k == steps ? end : start + (end - start) * k / steps);
            start = end;
        }

        return new AnnealingSchedule(name, Vec.Of([.. points]));
    }

    private static Validation<Error, int> CheckSteps(int steps) =>
        steps >= 1 ? Success<Error, int>(steps) : Fail<Error, int>(AnnealingErrors.InvalidSchedule($"a schedule needs at least one step, not {steps}"));
}
