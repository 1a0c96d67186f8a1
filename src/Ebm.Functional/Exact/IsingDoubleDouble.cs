namespace Ebm.Functional.Exact;

/// <summary>
/// A double-double number hi + lo (about 32 significant digits) for the exact Ising formulas.
/// </summary>
/// <remarks>
/// Kaufman's and Onsager's closed forms lose relative precision at low temperature: the heat
/// capacity is of order exp(-8K) while the terms it is assembled from are of order exp(-2K), so
/// in plain double the relative error grows like 1e-16 exp(6K). Carrying 32 digits pushes that
/// loss below 1e-10 up to K of about 9. Arithmetic follows the error-free transformations of
/// Dekker (1971) and Knuth (TwoSum), as in Hida, Li and Bailey (2001); exp and log are our own
/// (argument reduction plus Taylor series, and one Newton step).
/// </remarks>
internal readonly struct IsingDoubleDouble
{
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    public IsingDoubleDouble(double hi, double lo = 0.0)
    {
        Hi = hi;
        Lo = lo;
    }

    public double Hi { get; }

    public double Lo { get; }

    public static IsingDoubleDouble Ln2 => new(Ln2Hi, Ln2Lo);

    public static IsingDoubleDouble Pi => new(3.141592653589793, 1.2246467991473532e-16);

    public static implicit operator IsingDoubleDouble(double value) => new(value);

    public static explicit operator double(IsingDoubleDouble value) => value.Hi + value.Lo;

    public static IsingDoubleDouble operator -(IsingDoubleDouble a) => new(-a.Hi, -a.Lo);

    public static IsingDoubleDouble operator +(IsingDoubleDouble a, IsingDoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        var (t, f) = TwoSum(a.Lo, b.Lo);
        e += t;
        (s, e) = QuickTwoSum(s, e);
        e += f;
        return FromSum(s, e);
    }

    public static IsingDoubleDouble operator -(IsingDoubleDouble a, IsingDoubleDouble b) => a + -b;

    public static IsingDoubleDouble operator *(IsingDoubleDouble a, IsingDoubleDouble b)
    {
        var p = a.Hi * b.Hi;
        if (!double.IsFinite(p)) return new IsingDoubleDouble(p);
        var e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        return FromSum(p, e);
    }

    public static IsingDoubleDouble operator /(IsingDoubleDouble a, IsingDoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        if (!double.IsFinite(q1) || q1 == 0.0) return new IsingDoubleDouble(q1);
        var r = a - b * q1;
        var q2 = r.Hi / b.Hi;
        r -= b * q2;
        var q3 = r.Hi / b.Hi;
        return FromSum(q1, q2) + q3;
    }

    public static bool operator <(IsingDoubleDouble a, IsingDoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    public static bool operator >(IsingDoubleDouble a, IsingDoubleDouble b) => b < a;

    public static IsingDoubleDouble Sqrt(IsingDoubleDouble a)
    {
        if (a.Hi <= 0.0) return new IsingDoubleDouble(a.Hi == 0.0 ? 0.0 : double.NaN);
        var x = Math.Sqrt(a.Hi);
        if (double.IsInfinity(x)) return new IsingDoubleDouble(x);
        var square = new IsingDoubleDouble(x) * x;
        return new IsingDoubleDouble(x) + (a - square).Hi / (2.0 * x);
    }

    /// <summary>e^a: a = k ln 2 + r, e^r from its Taylor series at r / 1024, then ten squarings.</summary>
    public static IsingDoubleDouble Exp(IsingDoubleDouble a)
    {
        if (a.Hi > 709.78) return new IsingDoubleDouble(double.PositiveInfinity);
        if (a.Hi < -745.2) return new IsingDoubleDouble(0.0);
        var k = Math.Round(a.Hi / Ln2Hi);
        var r = a - Ln2 * k;
        var s = ExpMinusOneSmall(r);
        var scale = (int)k;
        return Scale(s + 1.0, scale);
    }

    /// <summary>e^a - 1 with full relative precision near 0.</summary>
    public static IsingDoubleDouble ExpMinusOne(IsingDoubleDouble a) =>
        Math.Abs(a.Hi) < 0.5 ? ExpMinusOneSmall(a) : Exp(a) - 1.0;

    /// <summary>log a by one Newton step on exp from the double logarithm (a &gt; 0).</summary>
    public static IsingDoubleDouble Log(IsingDoubleDouble a)
    {
        if (a.Hi <= 0.0) return new IsingDoubleDouble(a.Hi == 0.0 ? double.NegativeInfinity : double.NaN);
        if (double.IsPositiveInfinity(a.Hi)) return a;
        IsingDoubleDouble y = Math.Log(a.Hi);
        return y + a * Exp(-y) - 1.0;
    }

    /// <summary>log(1 + a) with full relative precision near 0: 2 atanh(a / (2 + a)).</summary>
    public static IsingDoubleDouble LogOnePlus(IsingDoubleDouble a) =>
        Math.Abs(a.Hi) < 0.25 ? 2.0 * AtanhSmall(a / (a + 2.0)) : Log(a + 1.0);

    /// <summary>atanh a for |a| &lt; 1, with full relative precision near 0.</summary>
    public static IsingDoubleDouble Atanh(IsingDoubleDouble a) =>
        Math.Abs(a.Hi) < 0.25 ? AtanhSmall(a) : 0.5 * Log((a + 1.0) / (1.0 - a));

    /// <summary>sin(pi numerator / denominator) for 0 &lt;= numerator &lt;= denominator, from its Taylor series on [0, pi/2].</summary>
    public static IsingDoubleDouble SinPiFraction(int numerator, int denominator)
    {
        var reduced = Math.Min(numerator, denominator - numerator);
        var x = Pi * reduced / denominator;
        var square = x * x;
        var term = x;
        var sum = x;
        for (var j = 1; j < 40; j++)
        {
            term = -(term * square) / (2.0 * j * (2.0 * j + 1.0));
            sum += term;
            if (Math.Abs(term.Hi) <= 1e-34 * Math.Abs(sum.Hi)) break;
        }

        return sum;
    }

    private static IsingDoubleDouble AtanhSmall(IsingDoubleDouble a)
    {
        var square = a * a;
        var power = a;
        var sum = a;
        for (var j = 3; j < 200; j += 2)
        {
            power *= square;
            var term = power / j;
            sum += term;
            if (Math.Abs(term.Hi) <= 1e-34 * Math.Abs(sum.Hi)) break;
        }

        return sum;
    }

    private static IsingDoubleDouble ExpMinusOneSmall(IsingDoubleDouble a)
    {
        var r = Scale(a, -10);
        var term = r;
        var sum = r;
        for (var j = 2; j < 30; j++)
        {
            term = term * r / j;
            sum += term;
            if (Math.Abs(term.Hi) <= 1e-34 * Math.Abs(sum.Hi)) break;
        }

        // e^{2x} - 1 = (e^x - 1)(e^x - 1 + 2) keeps the small quantity, so no digits are lost.
        for (var i = 0; i < 10; i++) sum *= sum + 2.0;
        return sum;
    }

    private static IsingDoubleDouble Scale(IsingDoubleDouble a, int power) => new(Math.ScaleB(a.Hi, power), Math.ScaleB(a.Lo, power));

    private static IsingDoubleDouble FromSum(double a, double b)
    {
        var (s, e) = QuickTwoSum(a, b);
        return new IsingDoubleDouble(s, e);
    }

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return double.IsFinite(s) ? (s, b - (s - a)) : (s, 0.0);
    }
}
