using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// States a user hands to the annealing code are refused as values: RBM annealing states of the wrong width, and
/// linked importance sampling over a particle type it cannot stack.
/// </summary>
public sealed class AnnealingStateErrorTests
{
    /// <summary>A user's own particle type: one number per particle, which linked importance sampling cannot stack.</summary>
    private sealed record Points(Vec Values);

    private sealed record NoInfo : IAcceptanceInfo
    {
        public Vec AcceptanceRates => Vec.Of(1.0);
    }

    [Fact]
    public void Rbm_states_of_the_wrong_width_are_error_values()
    {
        var rbm = RbmTestModels.Bernoulli(4, 3, 1.0, 1.0, 31);
        var narrow = Failures(RbmAnnealingState.FromVisible(rbm, Mat.Create(2, 3, _ => { })));
        Assert.Equal(RbmAnnealingErrors.StateWidthCode, narrow.Single().Code);
        Assert.Contains("3 columns, the model 4", narrow.Single().Message);
        Assert.Equal(RbmAnnealingErrors.StateWidthCode, Failures(RbmAnnealingState.FromJoint(rbm, Mat.Create(2, 4, _ => { }))).Single().Code);
        Assert.Equal(2, Valid(RbmAnnealingState.FromJoint(rbm, Mat.Create(2, 7, _ => { }))).Count);
    }

    [Fact]
    public void Linked_importance_sampling_refuses_a_particle_type_it_cannot_stack()
    {
        var path = new AnnealingPath<Points>(
            "user points", 1.0, 0.0,
            (key, count) => new Points(Vec.Create(count, d => { for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i); })),
            (t, s) => Vec.Create(s.Values.Length, _ => { }),
            (t, s) => Vec.Create(s.Values.Length, _ => { }),
            t => (key, s) => (s, (IAcceptanceInfo)new NoInfo()),
            s => s.Values.Length,
            (s, indices) => new Points(Vec.Create(indices.Length, d => { for (var i = 0; i < d.Length; i++) d[i] = s.Values[indices[i]]; })));
        var options = Valid(LinkedImportanceSamplingOptions.Create(Valid(AnnealingSchedule.Linear(3)), replicas: 2, chainLength: 2));
        var errors = Failures(LinkedImportanceSampling.Run(RngKey.FromSeed(1), path, options));
        Assert.Equal(LinkedImportanceSamplingErrors.UnsupportedStateCode, errors.Single().Code);
    }
}
