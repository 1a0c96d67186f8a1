using Dd = Ebm.Functional.Exact.IsingDoubleDouble;

namespace Ebm.Functional.Exact;

/// <summary>
/// A value with its first and second derivative in one variable (second-order forward-mode
/// differentiation), in double-double, for the exact Ising formulas.
/// </summary>
/// <remarks>
/// Every operation applies the chain rule exactly: for f(x), (f, f', f'') =
/// (f(v), f'(v) d1, f''(v) d1^2 + f'(v) d2). The derivatives are therefore the analytic ones,
/// evaluated with the same rounding as the value, never a finite difference.
/// </remarks>
internal readonly struct IsingJet
{
    public IsingJet(Dd value, Dd first, Dd second)
    {
        Value = value;
        First = first;
        Second = second;
    }

    public Dd Value { get; }

    public Dd First { get; }

    public Dd Second { get; }

    public static IsingJet Constant(Dd value) => new(value, 0.0, 0.0);

    public static IsingJet Variable(Dd value) => new(value, 1.0, 0.0);

    public static implicit operator IsingJet(double value) => Constant(value);

    public static implicit operator IsingJet(Dd value) => Constant(value);

    public static IsingJet operator -(IsingJet a) => new(-a.Value, -a.First, -a.Second);

    public static IsingJet operator +(IsingJet a, IsingJet b) => new(a.Value + b.Value, a.First + b.First, a.Second + b.Second);

    public static IsingJet operator -(IsingJet a, IsingJet b) => new(a.Value - b.Value, a.First - b.First, a.Second - b.Second);

    public static IsingJet operator *(IsingJet a, IsingJet b) =>
        new(a.Value * b.Value,
            a.First * b.Value + a.Value * b.First,
            a.Second * b.Value + 2.0 * (a.First * b.First) + a.Value * b.Second);

    public static IsingJet operator /(IsingJet a, IsingJet b) => a * Reciprocal(b);

    public static IsingJet Reciprocal(IsingJet a)
    {
        var r = 1.0 / a.Value;
        return Chain(a, r, -(r * r), 2.0 * (r * r * r));
    }

    public static IsingJet Exp(IsingJet a)
    {
        var e = Dd.Exp(a.Value);
        return Chain(a, e, e, e);
    }

    public static IsingJet ExpMinusOne(IsingJet a)
    {
        var e = Dd.Exp(a.Value);
        return Chain(a, Dd.ExpMinusOne(a.Value), e, e);
    }

    public static IsingJet Log(IsingJet a)
    {
        var r = 1.0 / a.Value;
        return Chain(a, Dd.Log(a.Value), r, -(r * r));
    }

    public static IsingJet LogOnePlus(IsingJet a)
    {
        var r = 1.0 / (a.Value + 1.0);
        return Chain(a, Dd.LogOnePlus(a.Value), r, -(r * r));
    }

    public static IsingJet Sqrt(IsingJet a)
    {
        var s = Dd.Sqrt(a.Value);
        var first = 0.5 / s;
        return Chain(a, s, first, -(first / (2.0 * a.Value)));
    }

    public static IsingJet Atanh(IsingJet a)
    {
        var r = 1.0 / (1.0 - a.Value * a.Value);
        return Chain(a, Dd.Atanh(a.Value), r, 2.0 * a.Value * (r * r));
    }

    /// <summary>a^power for a non-negative integer power, by repeated squaring (exact at a = 0).</summary>
    public static IsingJet Power(IsingJet a, int power)
    {
        IsingJet result = 1.0;
        var square = a;
        for (var p = power; p > 0; p >>= 1)
        {
            if ((p & 1) == 1) result *= square;
            if (p > 1) square *= square;
        }

        return result;
    }

    private static IsingJet Chain(IsingJet a, Dd f, Dd f1, Dd f2)
    {
        if (a.First.Hi == 0.0 && a.Second.Hi == 0.0) return Constant(f);
        return new IsingJet(f, f1 * a.First, f2 * (a.First * a.First) + f1 * a.Second);
    }
}
