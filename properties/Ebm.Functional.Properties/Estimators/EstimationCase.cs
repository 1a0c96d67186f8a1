using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>A tiny Boltzmann machine, an inverse temperature and a factorised proposal, with every state enumerated.</summary>
public sealed record EstimationCase(BoltzmannCase Machine, double Beta, Vec Logits)
{
    /// <summary>All 2^n states, row x = sum_i 2^i [unit i high].</summary>
    public Mat States => AllStates(Machine.Model);

    /// <summary>The factorised proposal with <see cref="Logits"/>.</summary>
    public Proposal Factorised =>
        Proposal.BernoulliLogits(Logits, Machine.Model.States).Match(p => p, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>Exact log Z(beta) by enumeration.</summary>
    public double ExactLogZ => Enumeration.Compute(Machine.Model, Beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));

    /// <summary>Every state of the model as rows.</summary>
    public static Mat AllStates(IDiscreteModel model)
    {
        var n = model.Dimension;
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        return Mat.Create(1 << n, n, x =>
        {
            for (var index = 0; index < 1 << n; index++)
                for (var i = 0; i < n; i++) x[index * n + i] = ((index >> i) & 1) == 1 ? 1.0 : low;
        });
    }

    /// <inheritdoc />
    public override string ToString() => $"{Machine} beta={Beta} logits={Logits}";
}
