using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Estimators;

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
