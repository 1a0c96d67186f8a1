using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;

namespace Ebm.Functional.Tests.Mcmc.Nuts;

/// <summary>
/// One NUTS transition from a fixed phase point (x0, p0) against its exact law (<see cref="NutsOrbit"/>): the law is
/// reversible with respect to exp(-H), each direction sequence gives the reported tree depth, leapfrog count and
/// acceptance statistic exactly, and the kernel's selection frequencies over many keys match the law.
/// </summary>
/// <remarks>
/// <para>The target: E = 1/2 (x - mu)^T P (x - mu) in 2-D at beta 1.3, M^-1 = diag(0.7, 1.6), D = 4 doublings (orbit
/// z_-15..z_15). Two cases. "turning": h = 0.5; the orbit turns within about 6 steps, so some direction sequences stop on
/// a U-turn of the merged tree and others on a subtree that turns (both asserted, so the checks are not vacuous).
/// "between-halves": h = 1.29, beyond the stability limit h omega &lt; 2 of the stiff direction, from a point found by
/// searching 3,000 random cases for one where the checks between adjacent halves (Stan's extra checks) change 4 of the
/// 16 direction sequences; there trajectories also diverge. Dropping the extra checks from the kernel fails the
/// depth test of this case; replacing the biased progressive choice by a multinomial one fails the frequency tests. Divergences are tested on a
/// stiff target elsewhere (<see cref="NutsDivergenceTests"/>).</para>
/// </remarks>
public sealed class NutsTransitionTests
{
    private const int Depth = 4;
    private static readonly double[] InverseMass = [0.7, 1.6];

    /// <summary>A start point (x0, p0) and a step size.</summary>
    internal sealed record Case(string Name, double StepSize, double[] X0, double[] P0)
    {
        public NutsOrbit Orbit { get; } = new(X0, P0, StepSize, InverseMass, Depth);

        public override string ToString() => Name;
    }

    private static readonly Case[] All =
    [
        new("turning", 0.5, [1.1, -0.2], [0.9, -0.4]),
        new("unstable-step", 1.2916636930854486, [-1.1677330326846864, -1.497019480941142], [1.234820159341227, 0.012891728968139973]),
        new("between-halves", 0.7866312300243439, [0.645805807833258, -1.7470946492276527], [0.6251861614766273, -1.1314780310057184]),
    ];

    public static TheoryData<string> Cases() => new(All.Select(c => c.Name));

    private static Case Named(string name) => All.Single(c => c.Name == name);

    /// <summary>T(z0 -&gt; z_k) = 2^-D sum over direction sequences of the selection probability of z_k.</summary>
    private static double[] Transition(NutsOrbit orbit)
    {
        var t = new double[2 * orbit.Span + 1];
        foreach (var directions in AllDirections())
            foreach (var (k, probability) in orbit.For(directions).Selection)
                t[k + orbit.Span] += probability / (1 << Depth);
        return t;
    }

    private static IEnumerable<bool[]> AllDirections() =>
        Enumerable.Range(0, 1 << Depth).Select(bits => Enumerable.Range(0, Depth).Select(j => (bits >> j & 1) == 1).ToArray());

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_exact_law_is_reversible_with_respect_to_exp_minus_h(string name)
    {
        var (c, orbit) = (Named(name), Named(name).Orbit);
        var forward = Transition(orbit);
        Assert.Equal(1.0, forward.Sum(), 12);
        var reached = 0;
        for (var k = -orbit.Span; k <= orbit.Span; k++)
        {
            if (k == 0 || forward[k + orbit.Span] == 0) continue;
            reached++;
            var back = new NutsOrbit(orbit.X(k), orbit.Momentum(k), c.StepSize, InverseMass, Depth);
            var backward = Transition(back);
            var there = Math.Exp(-orbit.H(0)) * forward[k + orbit.Span];
            var returned = Math.Exp(-back.H(0)) * backward[-k + back.Span];
            Assert.True(Math.Abs(there - returned) <= 1e-9 * there, $"z0 -> z{k}: pi T = {there:R}, back {returned:R}");
        }

        Assert.True(reached >= 2, $"only {reached} points are reachable: the case is too small to test");
    }

    [Fact]
    public void The_cases_end_trajectories_in_every_way()
    {
        var laws = All.SelectMany(c => AllDirections().Select(c.Orbit.For)).ToList();
        Assert.Contains(laws, l => l.Turned && l.TreeDepth < Depth);
        Assert.Contains(laws, l => !l.Turned && !l.Divergent && l.TreeDepth < Depth);
        Assert.True(laws.Select(l => l.TreeDepth).Distinct().Count() >= 3, "the cases should reach at least three tree depths");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_trajectory_reports_the_exact_depth_leapfrog_count_and_acceptance_statistic(string name)
    {
        var (c, orbit) = (Named(name), Named(name).Orbit);
        var model = Gaussian(Vec.Of(NutsOrbit.Mean), Mat.FromRows(NutsOrbit.Precision));
        var parameters = new NutsParams(c.StepSize, Vec.Of(InverseMass), Depth);
        for (var i = 0; i < 200; i++)
        {
            var key = RngKey.FromSeed(61).FoldIn(i);
            var directions = Enumerable.Range(0, Depth).Select(j => key.FoldIn(1).UniformAt(j) >= 0.5).ToArray();
            var law = orbit.For(directions);
            var outcome = NutsTrajectory.Sample(key, model, NutsOrbit.Beta, parameters, Start(model, c));
            Assert.Equal(law.TreeDepth, outcome.TreeDepth);
            Assert.Equal(law.LeapfrogSteps, outcome.LeapfrogSteps);
            Assert.Equal(law.AcceptanceStatistic, outcome.AcceptanceStatistic, 10);
            Assert.Equal(law.Divergent, outcome.Divergent);
            var k = IndexOf(orbit, outcome.Selected.X);
            Assert.True(law.Selection.GetValueOrDefault(k) > 0, $"key {i}: selected z{k}, which this direction sequence cannot reach");
            Assert.Equal(NutsOrbit.Energy(orbit.X(k)), outcome.Selected.Energy, 10);
            var g = NutsOrbit.Gradient(orbit.X(k));
            for (var j = 0; j < 2; j++) Assert.Equal(g[j], outcome.Selected.Gradient[j], 10);
        }

    }

    /// <summary>
    /// n = 20,000 transitions from (x0, p0) with keys <c>FromSeed(62).FoldIn(i)</c>; every orbit index's frequency is within
    /// Bernstein's bound of its exact probability at delta = 1e-6 each (31 indices: 3.1e-5 in all).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Selection_frequencies_match_the_exact_law(string name)
    {
        const int n = 20_000;
        var (c, orbit) = (Named(name), Named(name).Orbit);
        var model = Gaussian(Vec.Of(NutsOrbit.Mean), Mat.FromRows(NutsOrbit.Precision));
        var parameters = new NutsParams(c.StepSize, Vec.Of(InverseMass), Depth);
        var exact = Transition(orbit);
        var counts = new int[exact.Length];
        for (var i = 0; i < n; i++)
        {
            var outcome = NutsTrajectory.Sample(RngKey.FromSeed(62).FoldIn(i), model, NutsOrbit.Beta, parameters, Start(model, c));
            counts[IndexOf(orbit, outcome.Selected.X) + orbit.Span]++;
        }

        for (var k = -orbit.Span; k <= orbit.Span; k++)
        {
            var p = exact[k + orbit.Span];
            var f = counts[k + orbit.Span] / (double)n;
            var bound = FrequencyBound.Bernstein(p, n, 1e-6);
            Assert.True(Math.Abs(f - p) <= bound, $"z{k}: frequency {f:R}, exact {p:R}, allowed {bound:R}");
        }

        Assert.Contains(exact, p => p > 0.05 && p < 0.5);
    }

    private static NutsTrajectory.Point Start(Ebm.Functional.Models.GaussianModel model, Case c)
    {
        var gradient = new double[2];
        model.EnergyGradient(c.X0, gradient);
        return new NutsTrajectory.Point((double[])c.X0.Clone(), (double[])c.P0.Clone(), gradient, model.Energy(c.X0));
    }

    /// <summary>The orbit index of a selected point (positions agree to rounding).</summary>
    private static int IndexOf(NutsOrbit orbit, double[] x)
    {
        for (var k = -orbit.Span; k <= orbit.Span; k++)
            if (Math.Abs(orbit.X(k)[0] - x[0]) + Math.Abs(orbit.X(k)[1] - x[1]) < 1e-9) return k;
        throw new Xunit.Sdk.XunitException($"the selected point ({x[0]:R}, {x[1]:R}) is not on the orbit");
    }
}
