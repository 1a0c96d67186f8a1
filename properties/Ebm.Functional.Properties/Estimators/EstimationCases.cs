using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
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

/// <summary>Generators: machines of 1..6 units with parameters in [-1.5, 1.5], beta in [0, 2], logits in [-3, 3].</summary>
public static class EstimationArbitrary
{
    /// <summary>The cases.</summary>
    public static Gen<EstimationCase> Cases() =>
        from machine in BoltzmannArbitrary.Cases(6, 1.5)
        from beta in Gen.Choose(0, 2000)
        from logits in Gen.ArrayOf(Gen.Choose(-3000, 3000), machine.Model.Dimension)
        select new EstimationCase(machine, beta / 1000.0, Vec.Of(logits.Select(l => l / 1000.0).ToArray()));
}
