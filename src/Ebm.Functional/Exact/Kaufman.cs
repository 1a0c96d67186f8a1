using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Dd = Ebm.Functional.Exact.IsingDoubleDouble;
using Jet = Ebm.Functional.Exact.IsingJet;

namespace Ebm.Functional.Exact;

/// <summary>
/// Kaufman's (1949) exact partition function of the periodic L x M Ising torus at zero field,
/// with the exact internal energy and energy variance.
/// </summary>
/// <remarks>
/// <para>B. Kaufman, Phys. Rev. 76, 1232 (1949): with K = beta |J|, m and n the two sides,
/// Z = (1/2) (2 sinh 2K)^{mn/2} [Z1 + Z2 + Z3 + Z4],
/// Z1 = prod_{r=0}^{n-1} 2 cosh(m gamma_{2r+1} / 2), Z2 = prod 2 sinh(m gamma_{2r+1} / 2),
/// Z3 = prod 2 cosh(m gamma_{2r} / 2), Z4 = prod 2 sinh(m gamma_{2r} / 2),
/// cosh gamma_k = cosh 2K coth 2K - cos(pi k / n) with gamma_k &gt; 0 for k != 0, and the signed
/// gamma_0 = 2K + log tanh K (negative above T_c, which makes Z4 negative there).</para>
/// <para>Evaluated without cancellation or overflow (our rearrangement, checked against enumeration):
/// with u = e^{-2K}, D = 1 - u^2, P = u^2 + 2u - 1 and s_k = 2 sin^2(pi k / 2n),
/// (2 sinh 2K)^{1/2} e^{gamma_k / 2} = e^{G_k / 2} where G_k = 4K + log W_k,
/// W_k = Y_k + sqrt((Y_k - uD)(Y_k + uD)), Y_k = P^2/2 + u s_k D + uD, Y_k + uD = (1 + u^2)^2/2 + u s_k D,
/// and e^{-gamma_k} = uD / W_k; the k = 0 factors are (2 sinh 2K)^{m/2} 2 cosh(m gamma_0/2) = a^m + b^m and
/// the sinh one a^m - b^m, with a = e^{2K} - 1 and b = 1 + u. With e_k = e^{-m gamma_k} and
/// T = sum_k atanh e_k over a parity class, the four products regroup into three positive terms,
/// 2Z = e^{A}[prod (1 + e_k)](1 + e^{-2 T_odd}) + e^{E}[prod (1 + e_k)](a^m (1 + e^{-2 T_even}) + b^m (1 - e^{-2 T_even})),
/// A and E the sums of m G_k / 2 over odd k and over even k != 0, so K = 0 and very large K are regular.</para>
/// <para>Every term carries at most e^{2mnK} (2mn the number of bonds), which is taken out: log Z = 2mn K + R(K)
/// with R bounded at every K, so S = log Z - K d log Z / dK = R - K R' and C = K^2 R'' come from R alone and
/// neither cancels nor overflows (at K = 1e100 the 4 x 4 torus gives S = log 2 and C = 0, where beta U + log Z
/// would subtract two numbers of order 3e101); Var(E) = J^2 R'' is formed as (J sqrt R'')^2.</para>
/// <para>U = -d log Z / d beta and Var(E) = d^2 log Z / d beta^2 come from exact second-order forward
/// differentiation in K of that expression, carried in double-double arithmetic: at low temperature
/// Var(E) ~ exp(-8K) is assembled from terms of order exp(-2K), so plain double would lose
/// relative precision like 1e-16 exp(6K); double-double (error about 1e-33 exp(6K)) keeps C to 1e-10
/// relative up to K of about 8.5, where C per site is already below 1e-23, and log Z and U to full double
/// precision at every K. The mode angles sin(pi k / 2n) are double-double too: the cancellation happens
/// in the sums over k, and a double angle would bring back an error of 1e-16 exp(-2K) per mode.
/// Cost O(min(L, M)) operations; 4096 x 4096 takes well under a second.</para>
/// <para>Validity: periodic boundary, h = 0, any J &gt;= 0 and any sides (a periodic side of 2 counts its
/// pair twice and a side of 1 couples a site to itself, exactly as <see cref="IsingModel"/> does);
/// J &lt; 0 when both sides are even (the sublattice flip maps it onto |J|). Example: the 2 x 2
/// torus at K = 1 has log Z = log(2 e^8 + 12 + 2 e^-8) = 8.6951580457.</para>
/// </remarks>
public static class Kaufman
{
    /// <summary>True when <see cref="Compute"/> applies to <paramref name="model"/>.</summary>
    public static bool Applies(IsingModel model) => Check(model).IsNone;

    /// <summary>Exact log Z, U and Var(E) of the periodic torus at zero field, or the reason it does not apply.</summary>
    public static Fin<ExactResult> Compute(IsingModel model, double beta)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        var problem = Check(model);
        if (problem.IsSome) return FinFail<ExactResult>((Error)problem);
        var coupling = Math.Abs(model.Coupling);
        if (!double.IsFinite(beta * coupling))
            return FinFail<ExactResult>(ExactErrors.Overflow(ModelFields.TooLarge(model), beta, "log Z (at least beta |J| times the number of bonds)"));
        var k = (Dd)beta * coupling;
        int m = Math.Max(model.Rows, model.Columns), n = Math.Min(model.Rows, model.Columns);
        var bonds = 2.0 * m * n;
        var rest = Remainder(m, n, k);

        // log Z = bonds K + R(K) with R bounded, so U, Var(E), S and C come from R's derivatives without
        // subtracting two numbers of order bonds K: S = log Z - K d log Z / dK = R - K R', C = K^2 R''.
        var logZ = (double)(bonds * k + rest.Value);
        var slope = bonds + (double)rest.First;
        var curvature = Math.Max(0.0, (double)rest.Second);
        var result = new ExactResult("kaufman", beta, logZ, -coupling * slope, ExactThermodynamics.SquareTimes(coupling, curvature), Option<MagnetisationMoments>.None)
        {
            Entropy = (double)(rest.Value - k * rest.First),
            HeatCapacity = ExactThermodynamics.SquareTimes((double)k, curvature),
        };
        return ExactResultCheck.Finite(model, result);
    }

    private static Option<Error> Check(IsingModel model)
    {
        var name = $"a {model.Rows} x {model.Columns} Ising lattice";
        if (model.Boundary != Boundary.Periodic)
            return ExactErrors.MethodNotApplicable("kaufman", name, "Kaufman's formula is for the periodic torus; use the transfer matrix or enumeration for open boundaries");
        if (model.Field != 0.0)
            return ExactErrors.MethodNotApplicable("kaufman", name, $"Kaufman's formula needs zero field, got h = {model.Field}; use the transfer matrix");
        if (model.Coupling < 0 && (model.Rows % 2 == 1 || model.Columns % 2 == 1))
            return ExactErrors.MethodNotApplicable("kaufman", name,
                "an antiferromagnetic coupling on a torus with an odd side is frustrated and does not map onto the ferromagnet; use the transfer matrix");
        return None;
    }

    /// <summary>
    /// R(K) = log Z - 2 m n K as a jet in K: m is the side inside the cosh arguments, n the number of factors per
    /// product. Every term of the sum carries the factor e^{2 m n K} or less, so taking it out leaves R between
    /// log 2 - ... and a few times m n at any K, and its derivatives tending to 0 as K grows.
    /// </summary>
    private static Jet Remainder(int m, int n, Dd coupling)
    {
        var k = Jet.Variable(coupling);
        var u = Jet.Exp(-2.0 * k);
        var oneMinusU = -Jet.ExpMinusOne(-2.0 * k);
        var d = oneMinusU * (1.0 + u);
        var p = u * (u + 2.0) - 1.0;
        var halfPSquare = 0.5 * (p * p);
        var onePlusUSquare = 1.0 + u * u;
        var halfQSquare = 0.5 * (onePlusUSquare * onePlusUSquare);
        var ud = u * d;

        // G_k = 4K + log W_k; the 4K of each of the n odd and n - 1 even modes is taken out (bonds K in all).
        Jet oddG = 0.0, oddLogOnePlusE = 0.0, oddT = 0.0, evenG = 0.0, evenLogOnePlusE = 0.0, evenT = 0.0;
        for (var index = 1; index < 2 * n; index++)
        {
            var sine = Dd.SinPiFraction(index, 2 * n);
            var usd = ud * (2.0 * sine * sine);
            var yMinus = halfPSquare + usd;
            var yPlus = halfQSquare + usd;
            var w = yMinus + ud + Jet.Sqrt(yMinus * yPlus);
            var g = Jet.Log(w);
            var e = Jet.Power(ud / w, m);
            if (index % 2 == 1)
            {
                oddG += g;
                oddLogOnePlusE += Jet.LogOnePlus(e);
                oddT += Jet.Atanh(e);
            }
            else
            {
                evenG += g;
                evenLogOnePlusE += Jet.LogOnePlus(e);
                evenT += Jet.Atanh(e);
            }
        }

        var half = 0.5 * m;
        var oddTerm = half * oddG + oddLogOnePlusE + Jet.LogOnePlus(Jet.Exp(-2.0 * oddT));

        // The even modes carry 2 m (n - 1) K, that is 2 m K less than the odd ones.
        var evenBase = half * evenG + evenLogOnePlusE - (2.0 * m) * k;
        var evenPlus = evenBase + Jet.LogOnePlus(Jet.Exp(-2.0 * evenT));

        // a^m = (e^{2K} - 1)^m vanishes at K = 0, where only a direct power keeps its derivatives exact.
        var (aTerm, aFactor) = coupling.Hi <= 0.5 * Math.Log(2.0)
            ? (evenPlus, Jet.Power(Jet.ExpMinusOne(2.0 * k), m))
            : (evenPlus + m * (2.0 * k + Jet.Log(oneMinusU)), (Jet)1.0);
        var bTerm = evenBase + m * Jet.LogOnePlus(u);
        var bFactor = -Jet.ExpMinusOne(-2.0 * evenT);

        var terms = new[] { (oddTerm, (Jet)1.0), (aTerm, aFactor), (bTerm, bFactor) };
        var reference = terms.Where(t => t.Item2.Value.Hi > 0).MaxBy(t => (double)(t.Item1.Value + Dd.Log(t.Item2.Value))).Item1;
        Jet sum = 0.0;
        foreach (var (logTerm, factor) in terms) sum += Jet.Exp(logTerm - reference) * factor;
        return reference + Jet.Log(sum) - Dd.Ln2;
    }
}
