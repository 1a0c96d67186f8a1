using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The temperatures of simulated annealing, one per sweep: sweep k runs the kernel at inverse temperature
/// beta_k = 1 / T_k. With u = k / (K - 1) over K sweeps, from T_0 = T0 down to T_{K-1} = T1:
/// geometric T_k = T0 (T1/T0)^u (Kirkpatrick, Gelatt and Vecchi 1983: T_{k+1} = alpha T_k);
/// linear T_k = T0 + (T1 - T0) u;
/// exponential T_k = T1 + (T0 - T1) (e^(-r u) - e^(-r)) / (1 - e^(-r)), a relaxation toward T1 at rate r;
/// logarithmic T_k = c / ln(k + d) (Geman and Geman 1984), with c and d chosen so both ends are T0 and T1.
/// </summary>
/// <remarks>
/// <para>Geman and Geman (1984) proved that T_k &gt;= c / ln(1 + k) with c at least the largest energy barrier
/// reaches a ground state with probability one as k grows; pinned to a finite T1 the logarithmic schedule keeps
/// its shape (slow at the end) but not that guarantee. The paths of annealed importance sampling
/// (<see cref="AnnealingSchedule"/>: linear, geometric, sigmoid in beta, from beta = 0) become cooling schedules
/// by <see cref="FromPath"/>, and any schedule repeats with reheating by <see cref="Reheated"/>.</para>
/// <para>Worked numbers: geometric from T0 = 10 to T1 = 0.1 over 3 sweeps gives T = 10, 1, 0.1; logarithmic from
/// 2 to 1 over 3 sweeps solves ln(2 + d) / ln d = 2, d = 2, c = 2 ln 2, T = 2, 1.26186, 1.</para>
/// <example><code>
/// var schedule = CoolingSchedule.Geometric(t0: 10, t1: 0.05, sweeps: 2000).Bind(s =&gt; s.Reheated(3));
/// schedule.Match(Succ: s =&gt; Console.WriteLine($"{s.Sweeps} sweeps, last beta {s.Betas[^1]}"),
///                Fail: errors =&gt; Console.WriteLine(errors.Head));
/// </code></example>
/// </remarks>
public sealed record CoolingSchedule
{
    private CoolingSchedule(string name, Vec betas)
    {
        Name = name;
        Betas = betas;
    }

    /// <summary>The names of the shapes <see cref="Named"/> builds, in the order the command line lists them.</summary>
    public static Seq<string> Shapes { get; } = Seq("geometric", "linear", "exponential", "logarithmic");

    /// <summary>The relaxation rate r of <see cref="Exponential"/> unless another is given.</summary>
    public const double DefaultRate = 5.0;

    /// <summary>How the schedule was made ("geometric", "linear x3", "path:sigmoid", ...).</summary>
    public string Name { get; }

    /// <summary>beta_k, the inverse temperature of sweep k (finite, &gt;= 0).</summary>
    public Vec Betas { get; }

    /// <summary>K, the number of sweeps.</summary>
    public int Sweeps => Betas.Length;

    /// <summary>T_k = 1 / beta_k (infinite where beta_k = 0).</summary>
    public double Temperature(int sweep) => 1.0 / Betas[sweep];

    /// <summary>The schedule of one of <see cref="Shapes"/> by name, from <paramref name="t0"/> down to <paramref name="t1"/>.</summary>
    public static Validation<Error, CoolingSchedule> Named(string shape, double t0, double t1, int sweeps) => shape switch
    {
        "geometric" => Geometric(t0, t1, sweeps),
        "linear" => Linear(t0, t1, sweeps),
        "exponential" => Exponential(t0, t1, sweeps),
        "logarithmic" => Logarithmic(t0, t1, sweeps),
        _ => Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling(
            $"unknown shape '{shape}'; expected one of {string.Join(", ", Shapes)}")),
    };

    /// <summary>T_k = T0 (T1/T0)^(k/(K-1)): a constant ratio between sweeps.</summary>
    public static Validation<Error, CoolingSchedule> Geometric(double t0, double t1, int sweeps) =>
        Shaped("geometric", t0, t1, sweeps, u => t0 * Math.Pow(t1 / t0, u));

    /// <summary>T_k = T0 + (T1 - T0) k/(K-1): equal temperature steps.</summary>
    public static Validation<Error, CoolingSchedule> Linear(double t0, double t1, int sweeps) =>
        Shaped("linear", t0, t1, sweeps, u => t0 + (t1 - t0) * u);

    /// <summary>
    /// T_k = T1 + (T0 - T1) (e^(-r u) - e^(-r)) / (1 - e^(-r)), u = k/(K-1): fast cooling first, then a long stay
    /// near T1; r &gt; 0 (r -&gt; 0 is <see cref="Linear"/>).
    /// </summary>
    public static Validation<Error, CoolingSchedule> Exponential(double t0, double t1, int sweeps, double rate = DefaultRate)
    {
        if (!(rate > 0 && double.IsFinite(rate)))
            return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling($"the exponential rate is positive and finite, not {rate}"));
        var floor = Math.Exp(-rate);
        return Shaped("exponential", t0, t1, sweeps, u => t1 + (t0 - t1) * (Math.Exp(-rate * u) - floor) / (1.0 - floor));
    }

    /// <summary>
    /// T_k = c / ln(k + d) (Geman and Geman 1984) with d &gt; 1 solving ln(K - 1 + d) / ln d = T0 / T1 and
    /// c = T0 ln d, so T_0 = T0 and T_{K-1} = T1 (constant when T0 = T1).
    /// </summary>
    public static Validation<Error, CoolingSchedule> Logarithmic(double t0, double t1, int sweeps) =>
        CheckEnds(t0, t1, sweeps).Bind(_ =>
        {
            if (t0 == t1) return Shaped("logarithmic", t0, t1, sweeps, _ => t0);
            var offset = LogarithmicOffset(t0 / t1, sweeps - 1);
            var scale = t0 * Math.Log(offset);
            return Shaped("logarithmic", t0, t1, sweeps, u => scale / Math.Log(u * (sweeps - 1) + offset));
        });

    /// <summary>
    /// The inverse temperatures of an annealing path: beta_k = t_k <paramref name="finalBeta"/> for the K + 1 points of
    /// <paramref name="path"/>, starting at beta = 0 (infinite temperature) and ending at <paramref name="finalBeta"/>.
    /// </summary>
    public static Validation<Error, CoolingSchedule> FromPath(AnnealingSchedule path, double finalBeta)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!(finalBeta > 0 && double.IsFinite(finalBeta)))
            return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling($"the final beta is positive and finite, not {finalBeta}"));
        return Success<Error, CoolingSchedule>(new CoolingSchedule($"path:{path.Name}", Vec.Create(path.Points.Length, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = path[k] * finalBeta;
        })));
    }

    /// <summary>A schedule from explicit inverse temperatures, each finite and &gt;= 0, at least one.</summary>
    public static Validation<Error, CoolingSchedule> Create(Vec betas, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(betas);
        if (betas.Length == 0) return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling("a schedule needs at least one sweep"));
        for (var k = 0; k < betas.Length; k++)
            if (!(betas[k] >= 0 && double.IsFinite(betas[k])))
                return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling($"beta of sweep {k} is {betas[k]}, not a finite number >= 0"));
        return Success<Error, CoolingSchedule>(new CoolingSchedule(name, betas));
    }

    /// <summary>
    /// The schedule run <paramref name="cycles"/> times in a row: after each cycle the temperature jumps back to T0
    /// (reheating) while the run keeps the best state seen.
    /// </summary>
    public Validation<Error, CoolingSchedule> Reheated(int cycles)
    {
        if (cycles < 1) return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling($"cycles must be at least 1, not {cycles}"));
        if ((long)cycles * Sweeps > int.MaxValue / 2)
            return Fail<Error, CoolingSchedule>(SimulatedAnnealingErrors.InvalidCooling($"{cycles} cycles of {Sweeps} sweeps are too many sweeps"));
        if (cycles == 1) return Success<Error, CoolingSchedule>(this);
        var one = Betas;
        return Success<Error, CoolingSchedule>(new CoolingSchedule($"{Name} x{cycles}", Vec.Create(cycles * Sweeps, d =>
        {
            for (var c = 0; c < cycles; c++) one.Span.CopyTo(d.Slice(c * one.Length, one.Length));
        })));
    }

    private static Validation<Error, Unit> CheckEnds(double t0, double t1, int sweeps)
    {
        var errors = Seq<Error>();
        if (!(t0 > 0 && double.IsFinite(t0))) errors = errors.Add(SimulatedAnnealingErrors.InvalidCooling($"the start temperature T0 is positive and finite, not {t0}"));
        if (!(t1 > 0 && double.IsFinite(t1))) errors = errors.Add(SimulatedAnnealingErrors.InvalidCooling($"the final temperature T1 is positive and finite, not {t1}"));
        else if (t1 > t0 && errors.IsEmpty) errors = errors.Add(SimulatedAnnealingErrors.InvalidCooling($"the schedule cools: T1 = {t1} must not exceed T0 = {t0}"));
        if (sweeps < 2) errors = errors.Add(SimulatedAnnealingErrors.InvalidCooling($"a schedule from T0 to T1 needs at least 2 sweeps, not {sweeps}"));
        return errors.IsEmpty ? Success<Error, Unit>(unit) : Fail<Error, Unit>(errors);
    }

    // Temperatures at u = k/(K-1); both ends are set exactly, so the run starts at T0 and ends at T1 whatever the rounding.
    private static Validation<Error, CoolingSchedule> Shaped(string name, double t0, double t1, int sweeps, Func<double, double> temperature) =>
        CheckEnds(t0, t1, sweeps).Map(_ => new CoolingSchedule(name, Vec.Create(sweeps, d =>
        {
            for (var k = 1; k < sweeps - 1; k++) d[k] = 1.0 / temperature((double)k / (sweeps - 1));
            d[0] = 1.0 / t0;
            d[sweeps - 1] = 1.0 / t1;
        })));

    // ln(last + d) / ln d falls from +infinity (d -> 1) to 1 (d -> infinity); bisect on y = ln(d - 1) until the
    // interval stops shrinking, which pins d to the last bit whatever the ratio.
    private static double LogarithmicOffset(double ratio, int last)
    {
        double low = -700, high = 700;
        for (var i = 0; i < 200; i++)
        {
            var middle = 0.5 * (low + high);
            var d = 1.0 + Math.Exp(middle);
            var g = Math.Log(last + d) / Math.Log(d);
            if (g > ratio) low = middle;
            else high = middle;
        }

        return 1.0 + Math.Exp(0.5 * (low + high));
    }
}
