using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>A tiny discrete model (2..6 units) and an inverse temperature for exact kernel checks.</summary>
public sealed record TinyDiscreteCase(IDiscreteModel Model, double Beta, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{Description} beta={Beta}";
}

/// <summary>
/// Random Boltzmann machines of 2..6 units (both conventions, parameters in [-1.5, 1.5]) and Ising lattices
/// 2x2 and 2x3 (either boundary, J in [-1, 1], h = 0 half the time (for the cluster moves), else in [-1, 1]) and Bernoulli RBMs up to 3 x 3 (parameters in [-1.5, 1.5]),
/// each with beta in [0, 2].
/// </summary>
public static class TinyDiscreteArbitrary
{
    private static readonly Gen<TinyDiscreteCase> Machines =
        from machine in BoltzmannArbitrary.Cases(6, 1.5).Where(c => c.Model.Dimension >= 2)
        from beta in Gen.Choose(0, 2000)
        select new TinyDiscreteCase(machine.Model, beta / 1000.0, machine.ToString());

    private static readonly Gen<TinyDiscreteCase> Lattices =
        from columns in Gen.Choose(2, 3)
        from periodic in Gen.Elements(false, true)
        from coupling in Gen.Choose(-1000, 1000)
        from inField in Gen.Elements(false, true)
        from drawnField in Gen.Choose(-1000, 1000)
        let field = inField ? drawnField : 0
        from beta in Gen.Choose(0, 2000)
        select new TinyDiscreteCase(
            IsingModel.Create(2, columns, coupling / 1000.0, field / 1000.0, periodic ? Boundary.Periodic : Boundary.Open)
                .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
            beta / 1000.0,
            $"Ising 2x{columns} {(periodic ? "periodic" : "open")} J={coupling / 1000.0} h={field / 1000.0}");

    private static readonly Gen<TinyDiscreteCase> Rbms =
        from visible in Gen.Choose(1, 3)
        from hidden in Gen.Choose(1, 3)
        from weights in Gen.ArrayOf(Gen.Choose(-1500, 1500), visible * hidden)
        from biases in Gen.ArrayOf(Gen.Choose(-1500, 1500), visible + hidden)
        from beta in Gen.Choose(0, 2000)
        select new TinyDiscreteCase(
            BernoulliRbm.Create(
                    Mat.From(visible, hidden, weights.Select(w => w / 1000.0).ToArray()),
                    Vec.From(biases.Take(visible).Select(b => b / 1000.0).ToArray()),
                    Vec.From(biases.Skip(visible).Select(b => b / 1000.0).ToArray()))
                .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
            beta / 1000.0,
            $"RBM {visible}x{hidden} W=[{string.Join(",", weights)}]/1000 b,c=[{string.Join(",", biases)}]/1000");

    /// <summary>Machines, lattices and RBMs, two to one to one.</summary>
    public static Arbitrary<TinyDiscreteCase> Case() =>
        Arb.From(Gen.Frequency((2, Machines), (1, Lattices), (1, Rbms)));
}
