using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using static Ebm.Functional.Tests.Optim.OptimTesting;

namespace Ebm.Functional.Tests.Optim;

/// <summary>A masked transformation acts where the mask is set and passes the updates through elsewhere.</summary>
public class MaskedTests
{
    [Fact]
    public void Weight_decay_under_a_mask_decays_only_the_masked_parameters()
    {
        var decay = Valid(Transforms.AddDecayedWeights(0.5));
        var masked = Transforms.Masked(decay, Vec.Of(1, 0, 1));
        var updates = Updates(masked, Vec.Of(2, 4, -6), [Vec.Of(0.1, 0.2, 0.3)]);
        Assert.Equal(Vec.Of(0.1 + 0.5 * 2, 0.2, 0.3 + 0.5 * -6), updates[0]);
    }

    [Fact]
    public void A_stateful_transformation_under_a_mask_keeps_its_state_across_steps()
    {
        var momentum = Valid(Transforms.Momentum(0.9));
        var grads = new[] { Vec.Of(1, 1), Vec.Of(2, 2), Vec.Of(-1, -1) };
        var plain = Updates(momentum, Vec.Of(0, 0), grads);
        var masked = Updates(Transforms.Masked(momentum, Vec.Of(1, 0)), Vec.Of(0, 0), grads);
        for (var t = 0; t < grads.Length; t++)
        {
            Assert.Equal(plain[t][0], masked[t][0]);
            Assert.Equal(grads[t][1], masked[t][1]);
        }
    }

    [Fact]
    public void A_mask_of_the_wrong_length_is_an_error()
    {
        var masked = Transforms.Masked(Valid(Transforms.Scale(2)), Vec.Of(1, 0));
        var result = masked.Update(Vec.Of(1, 2, 3), masked.Init(Vec.Of(0, 0, 0)), Vec.Of(0, 0, 0));
        Assert.Equal(OptimErrors.LengthMismatchCode, result.Match(Succ: _ => 0, Fail: e => e.Code));
    }
}
