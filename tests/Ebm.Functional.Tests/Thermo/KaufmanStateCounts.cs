using System.Numerics;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The exact number of states g_u with u unsatisfied bonds of the periodic n x m Ising torus at zero field, read off
/// Kaufman's partition function expanded as a polynomial in x = e^{-2K} with integer coefficients, as Beale does
/// (P. D. Beale, "Exact distribution of energies in the two-dimensional Ising model", Phys. Rev. Lett. 76, 78 (1996);
/// B. Kaufman, Phys. Rev. 76, 1232 (1949)); all in exact integer arithmetic, independent of the library.
/// </summary>
/// <remarks>
/// <para>Kaufman: Z = (1/2)(2 sinh 2K)^{mn/2} (Z1 + Z2 + Z3 + Z4), Z1 = prod 2 cosh(m gamma_k / 2) and Z2 = prod 2 sinh(m gamma_k / 2)
/// over odd k in 1..2n-1, Z3 and Z4 the same over even k in 0..2n-2, cosh gamma_k = cosh 2K coth 2K - cos(pi k / n), gamma_0
/// signed. Since gamma_k = gamma_{2n-k}, the factors pair up: with b = 2x(1 - x^2) and a_k = (1 + x^2)^2 - x(1 - x^2) c_k,
/// c_k = 2 cos(pi k / n), cosh gamma_k = a_k / b and b^m (2 cosh(m gamma_k / 2))^2 = Q_m + 2 b^m, b^m (2 sinh)^2 = Q_m - 2 b^m,
/// where Q_j = b^j (e^{j gamma} + e^{-j gamma}) obeys the Chebyshev recurrence Q_{j+1} = 2 a Q_j - b^2 Q_{j-1}, Q_0 = 2,
/// Q_1 = 2a (Beale's expansion of cosh(m gamma_k)). The unpaired k = 0 and k = n have e^{gamma_0} = (1 - x) / (x (1 + x)) and
/// e^{gamma_n} = (1 + x) / (x (1 - x)), so b^{m/2} 2^{-m/2} times their 2 cosh (2 sinh) is u^m + v^m (u^m - v^m) with (u, v) = (1 - x, x + x^2)
/// and (1 + x, x - x^2). Collecting the powers of b, x and 2, x^{mn} Z = sum_u g_u x^u is 2^{-1 - m floor(n/2)} times
/// sum_i 2^{m e_i} P_i, P_i the product of the pair factors and the unpaired ones of Z_i, e_i = 1 for Z3 and Z4 when n is even, else 0.</para>
/// <para>The product over the pairs of a parity class is a rational polynomial though each c_k is irrational: it is computed
/// exactly in Z[x][t] / Phi_{2n}(t), t standing for zeta = e^{i pi / n} (so c_k = t^k + t^{-k}); the product is invariant under
/// the Galois group (t -&gt; t^j, j odd, permutes the pairs of each class), so its reduced form is a constant in t, which is
/// checked. Any sides of at least 1 (a periodic side of 2 counts its pair of bonds twice, a side of 1 couples a site to
/// itself, as Kaufman's formula and the library's model do). Cost: about n m ring products of dimension phi(2n) over
/// polynomials of degree up to 2mn; an 8 x 8 torus takes about 0.1 s, 16 x 16 about 3 s.</para>
/// </remarks>
internal static class KaufmanStateCounts
{
    /// <summary>g_u for u = 0..2 n m (index u), n the number of factors in Kaufman's products and m the length of the cosh arguments.</summary>
    public static BigInteger[] UnsatisfiedBondCounts(int factors, int length)
    {
        if (factors < 1 || length < 1) throw new ArgumentOutOfRangeException(nameof(factors));
        var (n, m) = (factors, length);
        var ring = new CyclotomicRing(2 * n);
        var b = Poly(0, 2, 0, -2);
        var (cosh, sinh) = PairFactors(ring, n, m, b);
        var oddCosh = ring.Product(PairedModes(n, odd: true).Select(k => cosh(k)));
        var oddSinh = ring.Product(PairedModes(n, odd: true).Select(k => sinh(k)));
        var evenCosh = ring.Product(PairedModes(n, odd: false).Select(k => cosh(k)));
        var evenSinh = ring.Product(PairedModes(n, odd: false).Select(k => sinh(k)));

        var (u0, v0, un, vn) = (Poly(1, -1), Poly(0, 1, 1), Poly(1, 1), Poly(0, 1, -1));
        var (u0m, v0m, unm, vnm) = (Power(u0, m), Power(v0, m), Power(un, m), Power(vn, m));
        BigInteger[] sum;
        if (n % 2 == 0)
        {
            // Z3 and Z4 have two unpaired modes (k = 0 and k = n), each carrying 2^{m/2} more than a pair's share.
            var z3 = Multiply(evenCosh, Multiply(Add(u0m, v0m), Add(unm, vnm)));
            var z4 = Multiply(evenSinh, Multiply(Subtract(u0m, v0m), Subtract(unm, vnm)));
            sum = Add(Add(oddCosh, oddSinh), Scale(Add(z3, z4), BigInteger.Pow(2, m)));
        }
        else
        {
            var z1 = Multiply(oddCosh, Add(unm, vnm));
            var z2 = Multiply(oddSinh, Subtract(unm, vnm));
            var z3 = Multiply(evenCosh, Add(u0m, v0m));
            var z4 = Multiply(evenSinh, Subtract(u0m, v0m));
            sum = Add(Add(z1, z2), Add(z3, z4));
        }

        var divisor = BigInteger.Pow(2, 1 + m * (n / 2));
        var counts = new BigInteger[2 * n * m + 1];
        for (var power = 0; power < sum.Length; power++)
        {
            if (sum[power].IsZero) continue;
            if (power >= counts.Length) throw new InvalidOperationException($"x^{power} beyond the {2 * n * m} bonds");
            var quotient = BigInteger.DivRem(sum[power], divisor, out var remainder);
            if (!remainder.IsZero) throw new InvalidOperationException($"the coefficient of x^{power} is not a multiple of {divisor}");
            counts[power] = quotient;
        }

        return counts;
    }

    /// <summary>g(B) for the bond sum B = -2N..2N (index B + 2N), the format of <see cref="IsingTorusDensity.BondSumCounts"/>.</summary>
    public static BigInteger[] BondSumCounts(int rows, int columns)
    {
        var unsatisfied = UnsatisfiedBondCounts(Math.Min(rows, columns), Math.Max(rows, columns));
        var bonds = 2 * rows * columns;
        var counts = new BigInteger[2 * bonds + 1];
        for (var u = 0; u < unsatisfied.Length; u++) counts[2 * bonds - 2 * u] = unsatisfied[u];
        return counts;
    }

    /// <summary>The k of one parity class in 1..n-1 whose mode pairs with 2n - k (k = 0 and k = n stand alone).</summary>
    private static IEnumerable<int> PairedModes(int n, bool odd) =>
        Enumerable.Range(1, Math.Max(0, n - 1)).Where(k => k % 2 == (odd ? 1 : 0));

    /// <summary>b^m (2 cosh(m gamma_k / 2))^2 = Q_m(a_k) + 2 b^m and the sinh one, as ring elements for each k.</summary>
    private static (Func<int, BigInteger[][]> Cosh, Func<int, BigInteger[][]> Sinh) PairFactors(CyclotomicRing ring, int n, int m, BigInteger[] b)
    {
        // Q_m as a polynomial in c = 2 cos(pi k / n) with coefficients in Z[x]: a = A + B c, A = (1 + x^2)^2, B = -x (1 - x^2).
        var a = new[] { Poly(1, 0, 2, 0, 1), Poly(0, -1, 0, 1) };
        var bSquare = Multiply(b, b);
        BigInteger[][] previous = [Poly(2)], current = a.Select(p => Scale(p, 2)).ToArray();
        for (var j = 1; j < m; j++)
        {
            var next = SeriesAdd(SeriesScale(SeriesMultiply(a, current), 2), SeriesScale(SeriesMultiplyScalar(previous, bSquare), -1));
            (previous, current) = (current, next);
        }

        var twoBm = Scale(Power(b, m), 2);
        var cosh = SeriesAdd(current, [twoBm]);
        var sinh = SeriesAdd(current, [Scale(twoBm, -1)]);
        return (k => ring.Evaluate(cosh, k), k => ring.Evaluate(sinh, k));
    }

    private static BigInteger[] Poly(params int[] coefficients) => coefficients.Select(c => (BigInteger)c).ToArray();

    private static BigInteger[] Power(BigInteger[] p, int exponent)
    {
        var result = Poly(1);
        for (var i = 0; i < exponent; i++) result = Multiply(result, p);
        return result;
    }

    internal static BigInteger[] Multiply(BigInteger[] p, BigInteger[] q)
    {
        if (p.Length == 0 || q.Length == 0) return [];
        var r = new BigInteger[p.Length + q.Length - 1];
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i].IsZero) continue;
            for (var j = 0; j < q.Length; j++) r[i + j] += p[i] * q[j];
        }

        return r;
    }

    internal static BigInteger[] Add(BigInteger[] p, BigInteger[] q)
    {
        var r = new BigInteger[Math.Max(p.Length, q.Length)];
        for (var i = 0; i < p.Length; i++) r[i] += p[i];
        for (var i = 0; i < q.Length; i++) r[i] += q[i];
        return r;
    }

    private static BigInteger[] Subtract(BigInteger[] p, BigInteger[] q) => Add(p, Scale(q, -1));

    internal static BigInteger[] Scale(BigInteger[] p, BigInteger factor) => p.Select(c => c * factor).ToArray();

    /// <summary>Polynomials in c whose coefficients are polynomials in x, lowest power of c first.</summary>
    private static BigInteger[][] SeriesMultiply(BigInteger[][] p, BigInteger[][] q)
    {
        var r = Enumerable.Range(0, p.Length + q.Length - 1).Select(_ => Array.Empty<BigInteger>()).ToArray();
        for (var i = 0; i < p.Length; i++)
        for (var j = 0; j < q.Length; j++)
            r[i + j] = Add(r[i + j], Multiply(p[i], q[j]));
        return r;
    }

    private static BigInteger[][] SeriesMultiplyScalar(BigInteger[][] p, BigInteger[] factor) => p.Select(c => Multiply(c, factor)).ToArray();

    private static BigInteger[][] SeriesScale(BigInteger[][] p, BigInteger factor) => p.Select(c => Scale(c, factor)).ToArray();

    private static BigInteger[][] SeriesAdd(BigInteger[][] p, BigInteger[][] q) =>
        Enumerable.Range(0, Math.Max(p.Length, q.Length))
            .Select(i => Add(i < p.Length ? p[i] : [], i < q.Length ? q[i] : [])).ToArray();
}
