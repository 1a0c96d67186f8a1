using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using FsCheck.Xunit;
using static Ebm.Functional.Properties.Models.ContinuousArbitraries;

namespace Ebm.Functional.Properties.Models;

/// <summary>
/// The model contract holds for every built-in family over its parameter space, the discrete adapter reproduces a Boltzmann
/// machine's own formulas, and a Gaussian built from a covariance is the inverse of one built from the same matrix as a precision.
/// </summary>
[Properties(Arbitrary = [typeof(BoltzmannArbitrary), typeof(RbmArbitraries), typeof(ContinuousArbitraries)], MaxTest = 100)]
public class ModelContractLaws
{
    [Property]
    public bool Boltzmann_machines_satisfy_the_contract(BoltzmannCase c) => Consistent(c.Model, c.Site);

    [Property]
    public bool Bernoulli_rbms_satisfy_the_contract(BernoulliRbmCase c) => Consistent(c.Model, c.Visible.Length);

    [Property]
    public bool Gaussians_satisfy_the_contract(GaussianCase c) => Consistent(c.Model, c.Point.Length);

    [Property]
    public bool Double_wells_satisfy_the_contract(DoubleWellCase c) => Consistent(c.Model, 1);

    [Property]
    public bool Rings_satisfy_the_contract(RingCase c) => Consistent(c.Model, 2);

    [Property]
    public bool Mixtures_satisfy_the_contract(MixtureCase c) => Consistent(c.Model, c.Weights.Length);

    [Property]
    public bool The_discrete_adapter_derives_the_machine_field_and_flip(BoltzmannCase c)
    {
        var adapter = DiscreteEnergyModel.Create(c.Model.Dimension, c.Model.States, c.Model.Energy).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        // Two energies of size at most EnergyScale, each rounded to a few ulps: 1e-14 of the scale is a margin of about 20.
        var tolerance = 1e-14 * Math.Max(1.0, c.EnergyScale);
        return Math.Abs(adapter.LocalField(c.State, c.Site) - c.Model.LocalField(c.State, c.Site)) <= tolerance
               && Math.Abs(adapter.FlipEnergyChange(c.State, c.Site) - c.Model.FlipEnergyChange(c.State, c.Site)) <= 2 * tolerance;
    }

    [Property]
    public bool A_covariance_gives_the_inverse_of_the_same_matrix_as_a_precision(GaussianCase c)
    {
        // Sigma = P as matrices: log Z(Sigma) + log Z(P) = d log(2 pi) exactly (the log determinants cancel), and the
        // precision built from Sigma times P is the identity. P = A A^T + delta I has a condition number below 50.
        var matrix = c.Model.Precision;
        var d = matrix.Rows;
        var fromCovariance = GaussianModel.FromCovariance(c.Model.Mean, matrix).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var sum = LogZ(fromCovariance) + LogZ(c.Model);
        if (Math.Abs(sum - d * Math.Log(2 * Math.PI)) > 1e-12 * d) return false;
        for (var i = 0; i < d; i++)
        for (var j = 0; j < d; j++)
        {
            var product = 0.0;
            for (var k = 0; k < d; k++) product += fromCovariance.Precision[i, k] * matrix[k, j];
            if (Math.Abs(product - (i == j ? 1.0 : 0.0)) > 1e-12) return false;
        }

        return true;
    }

    /// <summary>The contract on 8 states from a key that depends on the case, so different cases see different states.</summary>
    private static bool Consistent(IEnergyModel model, int salt) =>
        ModelContract.Check(RngKey.FromSeed(97).FoldIn(salt), model, new ContractSettings(States: 8))
            .Match(_ => true, errors => throw new InvalidOperationException(string.Join("; ", errors)));

    private static double LogZ(GaussianModel model) =>
        LogPartition.Exact(model, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
}
