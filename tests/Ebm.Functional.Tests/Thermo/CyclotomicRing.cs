using System.Numerics;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Exact arithmetic in Z[x][t] / Phi_N(t), t standing for the primitive N-th root of unity zeta = e^{2 pi i / N}: an
/// element is phi(N) polynomials in x (the coefficients of 1, t, ..., t^{phi(N) - 1}), each a BigInteger array, lowest
/// power first. A product of elements that is invariant under the Galois group is a polynomial in x alone, which
/// <see cref="Product"/> checks and returns.
/// </summary>
internal sealed class CyclotomicRing
{
    private readonly long[] modulus;

    /// <summary>The ring of the N-th roots of unity.</summary>
    public CyclotomicRing(int order)
    {
        Order = order;
        modulus = Cyclotomic(order);
    }

    /// <summary>N.</summary>
    public int Order { get; }

    /// <summary>phi(N), the degree of Phi_N.</summary>
    public int Degree => modulus.Length - 1;

    /// <summary>Phi_N(t), lowest power first: t^N - 1 divided by Phi_d for every proper divisor d of N.</summary>
    public static long[] Cyclotomic(int order)
    {
        var p = new long[order + 1];
        p[0] = -1;
        p[order] = 1;
        for (var d = 1; d < order; d++)
            if (order % d == 0) p = DivideExactly(p, Cyclotomic(d));
        return p;
    }

    /// <summary>F(c_k) with c_k = t^k + t^{-k} = 2 cos(2 pi k / N) for F a polynomial in c with coefficients in Z[x].</summary>
    public BigInteger[][] Evaluate(BigInteger[][] polynomialInC, int k)
    {
        var c = new long[Order];
        c[((k % Order) + Order) % Order] += 1;
        c[((-k % Order) + Order) % Order] += 1;
        var cReduced = Reduce(c);
        var power = new long[Degree];
        power[0] = 1;
        var element = Enumerable.Range(0, Degree).Select(_ => Array.Empty<BigInteger>()).ToArray();
        for (var j = 0; j < polynomialInC.Length; j++)
        {
            for (var i = 0; i < Degree; i++)
                if (power[i] != 0) element[i] = KaufmanStateCounts.Add(element[i], KaufmanStateCounts.Scale(polynomialInC[j], power[i]));
            power = Reduce(MultiplyIntegers(power, cReduced));
        }

        return element;
    }

    /// <summary>The product of <paramref name="elements"/>, which must reduce to a constant in t: that constant, a polynomial in x.</summary>
    public BigInteger[] Product(IEnumerable<BigInteger[][]> elements)
    {
        var product = Enumerable.Range(0, Degree).Select(i => i == 0 ? new BigInteger[] { 1 } : []).ToArray();
        foreach (var element in elements) product = Multiply(product, element);
        for (var i = 1; i < Degree; i++)
            if (product[i].Any(c => !c.IsZero)) throw new InvalidOperationException($"the product is not rational: t^{i} has a nonzero coefficient");
        return product[0];
    }

    private BigInteger[][] Multiply(BigInteger[][] p, BigInteger[][] q)
    {
        var r = Enumerable.Range(0, 2 * Degree - 1).Select(_ => Array.Empty<BigInteger>()).ToArray();
        for (var i = 0; i < Degree; i++)
        for (var j = 0; j < Degree; j++)
            if (p[i].Length > 0 && q[j].Length > 0) r[i + j] = KaufmanStateCounts.Add(r[i + j], KaufmanStateCounts.Multiply(p[i], q[j]));
        for (var d = r.Length - 1; d >= Degree; d--)
        {
            if (r[d].Length == 0) continue;
            for (var s = 0; s < Degree; s++)
                if (modulus[s] != 0) r[d - Degree + s] = KaufmanStateCounts.Add(r[d - Degree + s], KaufmanStateCounts.Scale(r[d], -modulus[s]));
        }

        return r.Take(Degree).ToArray();
    }

    private long[] Reduce(long[] p)
    {
        var r = (long[])p.Clone();
        for (var d = r.Length - 1; d >= Degree; d--)
        {
            if (r[d] == 0) continue;
            var lead = r[d];
            for (var s = 0; s <= Degree; s++) r[d - Degree + s] = checked(r[d - Degree + s] - lead * modulus[s]);
        }

        var reduced = new long[Degree];
        Array.Copy(r, reduced, Math.Min(Degree, r.Length));
        return reduced;
    }

    private static long[] MultiplyIntegers(long[] p, long[] q)
    {
        var r = new long[p.Length + q.Length - 1];
        for (var i = 0; i < p.Length; i++)
        for (var j = 0; j < q.Length; j++)
            r[i + j] = checked(r[i + j] + p[i] * q[j]);
        return r;
    }

    /// <summary>p / q for a monic q that divides p exactly.</summary>
    private static long[] DivideExactly(long[] p, long[] q)
    {
        var rest = (long[])p.Clone();
        var quotient = new long[p.Length - q.Length + 1];
        for (var d = p.Length - 1; d >= q.Length - 1; d--)
        {
            var lead = rest[d];
            quotient[d - q.Length + 1] = lead;
            for (var s = 0; s < q.Length; s++) rest[d - q.Length + 1 + s] -= lead * q[s];
        }

        if (rest.Any(c => c != 0)) throw new InvalidOperationException("not an exact division");
        return quotient;
    }
}
