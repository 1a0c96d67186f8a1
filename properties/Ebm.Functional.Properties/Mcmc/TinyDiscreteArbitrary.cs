using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// Random Boltzmann machines of 2..6 units (both conventions, parameters in [-1.5, 1.5]), Ising lattices 2x2 and
/// 2x3 (either boundary, J in [-1, 1], h = 0 half the time (for the cluster moves), else in [-1, 1]) and Bernoulli
/// RBMs up to 3 x 3 (parameters in [-1.5, 1.5]), each with beta in [0, 2]. The degenerate cases a kernel can
/// mishandle come often, not by chance: beta = 0 in one case of six, and in one of six the couplings set to 0
/// (machines: also the biases in half of those, a constant energy; lattices: J = 0; RBMs: W = 0). The 2x2 torus
/// at h = 0 holds the alternating-column state, where every neighbour sum is 0.
/// </summary>
public static class TinyDiscreteArbitrary
{
    private static readonly Gen<double> Betas =
        Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(0, 2000))).Select(b => b / 1000.0);

    private static readonly Gen<int> Degeneracy = Gen.Frequency((10, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)));

    private static readonly Gen<TinyDiscreteCase> Machines =
        from machine in BoltzmannArbitrary.Cases(6, 1.5).Where(c => c.Model.Dimension >= 2)
        from degeneracy in Degeneracy
        from beta in Betas
        select Degenerate(machine, degeneracy, beta);

    private static readonly Gen<TinyDiscreteCase> Lattices =
        from columns in Gen.Choose(2, 3)
        from periodic in Gen.Elements(false, true)
        from drawnCoupling in Gen.Choose(-1000, 1000)
        from zeroCoupling in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        let coupling = zeroCoupling ? 0 : drawnCoupling
        from inField in Gen.Elements(false, true)
        from drawnField in Gen.Choose(-1000, 1000)
        let field = inField ? drawnField : 0
        from beta in Betas
        select new TinyDiscreteCase(
            IsingModel.Create(2, columns, coupling / 1000.0, field / 1000.0, periodic ? Boundary.Periodic : Boundary.Open)
                .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
            beta,
            $"Ising 2x{columns} {(periodic ? "periodic" : "open")} J={coupling / 1000.0} h={field / 1000.0}");

    private static readonly Gen<TinyDiscreteCase> Rbms =
        from visible in Gen.Choose(1, 3)
        from hidden in Gen.Choose(1, 3)
        from drawnWeights in Gen.ArrayOf(Gen.Choose(-1500, 1500), visible * hidden)
        from zeroWeights in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        let weights = zeroWeights ? new int[visible * hidden] : drawnWeights
        from biases in Gen.ArrayOf(Gen.Choose(-1500, 1500), visible + hidden)
        from beta in Betas
        select new TinyDiscreteCase(
            BernoulliRbm.Create(
                    Mat.From(visible, hidden, weights.Select(w => w / 1000.0).ToArray()),
                    Vec.From(biases.Take(visible).Select(b => b / 1000.0).ToArray()),
                    Vec.From(biases.Skip(visible).Select(b => b / 1000.0).ToArray()))
                .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
            beta,
            $"RBM {visible}x{hidden} W=[{string.Join(",", weights)}]/1000 b,c=[{string.Join(",", biases)}]/1000");

    /// <summary>Machines, lattices and RBMs, two to one to one.</summary>
    public static Arbitrary<TinyDiscreteCase> Case() =>
        Arb.From(Gen.Frequency((2, Machines), (1, Lattices), (1, Rbms)));

    /// <summary>The machine as drawn (0), with its couplings set to 0 (1), or with every parameter 0, a constant energy (2).</summary>
    private static TinyDiscreteCase Degenerate(BoltzmannCase machine, int degeneracy, double beta)
    {
        var n = machine.Model.Dimension;
        return degeneracy switch
        {
            0 => new TinyDiscreteCase(machine.Model, beta, machine.ToString()),
            1 => new TinyDiscreteCase(machine.With(Mat.Zeros(n, n), machine.Model.Biases), beta, $"{machine} with W = 0"),
            _ => new TinyDiscreteCase(machine.With(Mat.Zeros(n, n), Vec.Zeros(n)), beta, $"{machine} with W = 0 and b = 0"),
        };
    }
}
