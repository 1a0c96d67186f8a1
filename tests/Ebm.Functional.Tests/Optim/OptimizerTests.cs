using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using static Ebm.Functional.Tests.Optim.OptimTesting;

namespace Ebm.Functional.Tests.Optim;

/// <summary>
/// Adam and SGD against hand computations of their published update rules, step by step, in scalar arithmetic
/// with the same order of operations, so the comparison is to the last bit.
/// </summary>
public class OptimizerTests
{
    private static readonly Vec Theta = Vec.Of(0.5, -1.25, 2.0);

    private static readonly Vec[] Grads = [Vec.Of(0.1, -0.2, 0.3), Vec.Of(-0.4, 0.05, 0.3), Vec.Of(1.5, -0.7, 0.0)];

    [Fact]
    public void Adam_follows_Kingma_and_Ba_algorithm_1_for_three_steps()
    {
        // Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1:
        // m_t = b1 m_{t-1} + (1 - b1) g_t; v_t = b2 v_{t-1} + (1 - b2) g_t^2; m^_t = m_t / (1 - b1^t);
        // v^_t = v_t / (1 - b2^t); theta_t = theta_{t-1} - alpha m^_t / (sqrt(v^_t) + eps).
        const double alpha = 0.01, b1 = 0.8, b2 = 0.95, eps = 1e-3;
        var adam = Valid(Optimizers.Adam(alpha, b1, b2, eps));
        var theta = Theta;
        var state = adam.Init(theta);
        var expected = Theta.ToArray();
        var m = new double[3];
        var v = new double[3];
        for (var t = 1; t <= 3; t++)
        {
            var g = Grads[t - 1];
            for (var i = 0; i < 3; i++)
            {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                var mHat = m[i] / (1 - Math.Pow(b1, t));
                var vHat = v[i] / (1 - Math.Pow(b2, t));
                expected[i] += -alpha * (mHat / (Math.Sqrt(vHat) + eps));
            }

            var (updates, next) = Valid(adam.Update(g, state, theta));
            theta = Valid(Optimizers.ApplyUpdates(theta, updates));
            state = next;
            Assert.Equal(Vec.Of(expected), theta);
        }

        Assert.Equal(3, state.Inner[0].Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgd_with_momentum_matches_the_hand_computation(bool nesterov)
    {
        // trace_t = g_t + mu trace_{t-1}; step = trace_t, or g_t + mu trace_t with Nesterov; theta -= lr step.
        const double lr = 0.1, mu = 0.9;
        var sgd = Valid(Optimizers.Sgd(lr, mu, nesterov));
        var updates = Updates(sgd, Theta, Grads);
        var trace = new double[3];
        for (var t = 0; t < 3; t++)
        for (var i = 0; i < 3; i++)
        {
            trace[i] = Grads[t][i] + mu * trace[i];
            var step = nesterov ? Grads[t][i] + mu * trace[i] : trace[i];
            Assert.Equal(-lr * step, updates[t][i]);
        }
    }

    [Fact]
    public void Nesterov_looks_ahead_from_the_first_step()
    {
        var plain = Updates(Valid(Optimizers.Sgd(0.1, 0.9)), Theta, Grads);
        var nesterov = Updates(Valid(Optimizers.Sgd(0.1, 0.9, nesterov: true)), Theta, Grads);
        // Step 1: plain -0.1 g, Nesterov -0.1 (g + 0.9 g) = -0.19 g.
        Assert.Equal(-0.1 * 0.1, plain[0][0], 15);
        Assert.Equal(-0.1 * (0.1 + 0.9 * 0.1), nesterov[0][0], 15);
    }

    [Fact]
    public void Plain_sgd_is_minus_the_learning_rate_times_the_gradient()
    {
        var updates = Updates(Valid(Optimizers.Sgd(0.25)), Theta, Grads);
        for (var t = 0; t < 3; t++) Assert.Equal(Grads[t].Map(g => -0.25 * g), updates[t]);
    }

    [Fact]
    public void AdamW_adds_the_decayed_weights_after_the_rescaling()
    {
        const double lr = 0.01, wd = 0.1;
        var adam = Updates(Valid(Optimizers.Adam(lr)), Theta, Grads);
        var adamW = Updates(Valid(Optimizers.AdamW(lr, wd)), Theta, Grads);
        for (var t = 0; t < 3; t++)
        for (var i = 0; i < 3; i++)
            Assert.Equal(adam[t][i] - lr * wd * Theta[i], adamW[t][i], 15);
    }

    [Fact]
    public void Penalties_add_their_gradients()
    {
        var g = Vec.Of(1.0, 1.0, 1.0);
        var p = Vec.Of(2.0, -3.0, 0.0);
        Assert.Equal(Vec.Of(1.2, 0.7, 1.0), Updates(Valid(Transforms.L2Penalty(0.1)), p, [g])[0]);
        Assert.Equal(Vec.Of(1.5, 0.5, 1.0), Updates(Valid(Transforms.L1Penalty(0.5)), p, [g])[0]);
    }

    [Fact]
    public void Clipping_by_global_norm_rescales_only_gradients_above_the_bound()
    {
        var clip = Valid(Transforms.ClipByGlobalNorm(1.0));
        var zero = Vec.Zeros(2);
        // ||(3, 4)|| = 5 -> (0.6, 0.8); ||(0.3, 0.4)|| = 0.5 is kept as it is.
        var clipped = Updates(clip, zero, [Vec.Of(3.0, 4.0)])[0];
        Assert.Equal(0.6, clipped[0], 15);
        Assert.Equal(0.8, clipped[1], 15);
        Assert.Equal(Vec.Of(0.3, 0.4), Updates(clip, zero, [Vec.Of(0.3, 0.4)])[0]);
    }

    [Fact]
    public void Update_does_not_write_to_its_inputs_and_returns_the_same_result_twice()
    {
        var adam = Valid(Optimizers.AdamW(0.1, 0.1));
        var theta = Vec.Of(1.0, 2.0);
        var g = Vec.Of(0.5, -0.5);
        var state = adam.Init(theta);
        var first = Valid(adam.Update(g, state, theta));
        var second = Valid(adam.Update(g, state, theta));
        Assert.Equal(Vec.Of(1.0, 2.0), theta);
        Assert.Equal(Vec.Of(0.5, -0.5), g);
        Assert.Equal(adam.Init(theta), state);
        Assert.Equal(first.Updates, second.Updates);
        Assert.Equal(first.State, second.State);
        Assert.NotEqual(state, first.State);
    }
}
