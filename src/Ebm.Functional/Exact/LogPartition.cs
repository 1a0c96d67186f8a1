using Ebm.Functional.Errors;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log partition functions: picks the method that applies to a model and returns its
/// thermodynamics, or an error that says why no exact answer is possible.
/// </summary>
public static class LogPartition
{
    /// <summary>
    /// Exact log Z(beta) with U, Var(E) (and magnetisation moments where available) for any model
    /// that admits an exact method; <paramref name="method"/> = Auto picks the fastest.
    /// </summary>
    public static Fin<ExactResult> Exact(IEnergyModel model, double beta, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        return model switch
        {
            GaussianModel g when method is ExactMethod.Auto or ExactMethod.ClosedForm =>
                beta > 0 ? FinSucc(GaussianExact.Compute(g, beta)) : FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "a Gaussian needs beta > 0")),
            GaussianModel => FinFail<ExactResult>(ExactErrors.MethodNotApplicable(method.ToString(), "a Gaussian", "use the closed form")),
            _ => FinFail<ExactResult>(ExactErrors.NoExactMethod(model.Kind)),
        };
    }

    /// <summary>
    /// <see cref="Exact"/> at every beta of <paramref name="betas"/>, in order; the first failure stops the sweep.
    /// </summary>
    public static Fin<Seq<ExactResult>> Sweep(IEnergyModel model, IReadOnlyList<double> betas, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null)
    {
        var results = new List<ExactResult>(betas.Count);
        for (var i = 0; i < betas.Count; i++)
        {
            var r = Exact(model, betas[i], method);
            if (r.IsFail) return r.Map(_ => Seq<ExactResult>());
            results.Add((ExactResult)r);
            progress?.Report((i + 1.0) / betas.Count);
        }

        return FinSucc(results.ToSeq());
    }
}
