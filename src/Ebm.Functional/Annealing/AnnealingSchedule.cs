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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> &lt; 1.</exception>
    public static AnnealingSchedule Linear(int steps)
    {
        CheckSteps(steps);
        return new AnnealingSchedule("linear", Vec.Create(steps + 1, d =>
        {
            for (var k = 0; k <= steps; k++) d[k] = (double)k / steps;
            d[steps] = 1.0;
        }));
    }

    /// <summary>
    /// t_0 = 0 and t_1 .. t_K geometric from <paramref name="start"/> to 1 (t_k = start^((K - k) / (K - 1))):
    /// small steps where the distribution changes fastest near t = 0 of a tempered path.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> &lt; 1 or <paramref name="start"/> not in (0, 1).</exception>
    public static AnnealingSchedule Geometric(int steps, double start = 1e-3)
    {
        CheckSteps(steps);
        if (!(start > 0 && start < 1)) throw new ArgumentOutOfRangeException(nameof(start), start, "the geometric start lies strictly between 0 and 1");
        return new AnnealingSchedule("geometric", Vec.Create(steps + 1, d =>
        {
            d[0] = 0.0;
            for (var k = 1; k < steps; k++) d[k] = Math.Pow(start, (double)(steps - k) / (steps - 1));
            d[steps] = 1.0;
        }));
    }

    /// <summary>
    /// The sigmoidal schedule of Grosse, Maddison and Salakhutdinov (2013): s_k = sigmoid(width (2k/K - 1)),
    /// rescaled so that t_0 = 0 and t_K = 1; dense at both ends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> &lt; 1 or <paramref name="width"/> not positive.</exception>
    public static AnnealingSchedule Sigmoid(int steps, double width = 4.0)
    {
        CheckSteps(steps);
        if (!(width > 0) || !double.IsFinite(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "the sigmoid width is positive and finite");
        var low = LogSpace.Sigmoid(-width);
        var high = LogSpace.Sigmoid(width);
        return new AnnealingSchedule("sigmoid", Vec.Create(steps + 1, d =>
        {
            for (var k = 0; k <= steps; k++) d[k] = (LogSpace.Sigmoid(width * (2.0 * k / steps - 1.0)) - low) / (high - low);
            d[0] = 0.0;
            d[steps] = 1.0;
        }));
    }

    /// <summary>
    /// Linear pieces: from the previous end (0 at first) to each <c>End</c> in <c>Steps</c> equal steps; the
    /// last end must be 1.
    /// </summary>
    /// <exception cref="ArgumentException">Ends not increasing in (0, 1], the last not 1, or a piece without steps.</exception>
    public static AnnealingSchedule Piecewise(params (double End, int Steps)[] pieces) => Piecewise("piecewise", pieces);

    private static AnnealingSchedule Piecewise(string name, (double End, int Steps)[] pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Length == 0) throw new ArgumentException("a piecewise schedule needs at least one piece", nameof(pieces));
        var points = new List<double> { 0.0 };
        var start = 0.0;
        foreach (var (end, steps) in pieces)
        {
            if (steps < 1) throw new ArgumentException($"the piece ending at {end} has {steps} steps; each needs at least 1", nameof(pieces));
            if (!(end > start && end <= 1.0)) throw new ArgumentException($"piece ends must increase within (0, 1]: {end} follows {start}", nameof(pieces));
            for (var k = 1; k <= steps; k++) points.Add(k == steps ? end : start + (end - start) * k / steps);
            start = end;
        }

        if (start != 1.0) throw new ArgumentException($"the last piece must end at 1, not {start}", nameof(pieces));
        return new AnnealingSchedule(name, Vec.Of([.. points]));
    }

    /// <summary>
    /// The 14,500-step schedule of Salakhutdinov and Murray (2008): steps of 10^-3 up to 0.5, 10^-4 up to 0.9,
    /// then 10^-5 up to 1.
    /// </summary>
    public static AnnealingSchedule SalakhutdinovMurray { get; } = Piecewise("salakhutdinov-murray", [(0.5, 500), (0.9, 4000), (1.0, 10000)]);

    private static void CheckSteps(int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "a schedule needs at least one step");
    }
}
