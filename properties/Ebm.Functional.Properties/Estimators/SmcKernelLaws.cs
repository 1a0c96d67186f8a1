using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Properties.Annealing;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ebm.Functional.Properties.Annealing.EstimatorResults;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// The annealing estimators are thin layers on one SMC step: stepping the kernel by hand over a schedule, with the
/// keys the estimators document, reproduces AIS and SMC with a fixed schedule bit for bit (weights, particles, log Z).
/// </summary>
/// <remarks>
/// Random Boltzmann machines of 2..6 units, beta in [0.1, 2], every single-site kernel, 1..8 linear steps, 1..12
/// particles, any seed; for SMC every scheme and thresholds 0 (never), 0.5 and 1 (always). The hand-stepped log Z
/// and AIS's log mean weight are the same number summed in two orders: they agree to 1e-12 relative.
/// </remarks>
public sealed class SmcKernelLaws
{
    private const double Relative = 1e-12;

    private sealed record Case(BoltzmannCase Machine, double Beta, SiteKernel Kernel, int Steps, int Particles, ulong Seed, double Threshold, ResamplingScheme Scheme)
    {
        public AnnealingPath<DiscreteChains> Path() => Valid(Paths.Tempered(Machine.Model, Beta, b => Kernel.Build(Machine.Model, b)));

        public override string ToString() => $"{Machine.Model.Dimension} units, beta {Beta}, {Kernel}, K = {Steps}, M = {Particles}, seed {Seed}, threshold {Threshold}, {Scheme}";
    }

    private static Arbitrary<Case> Cases() => Arb.From(
        from machine in BoltzmannArbitrary.Cases(6, 1.0).Where(c => c.Model.Dimension >= 2)
        from beta in Gen.Choose(100, 2000)
        from kernel in Gen.Elements(SiteKernel.All.ToArray())
        from steps in Gen.Choose(1, 8)
        from particles in Gen.Choose(1, 12)
        from seed in Gen.Choose(0, int.MaxValue)
        from threshold in Gen.Elements(0.0, 0.5, 1.0)
        from scheme in Gen.Elements(Enum.GetValues<ResamplingScheme>())
        select new Case(machine, beta / 1000.0, kernel, steps, particles, (ulong)seed, threshold, scheme));

    private static bool SameBits(Vec a, Vec b) =>
        a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]));

    private static bool SameBits(DiscreteChains a, DiscreteChains b) => SameBits(a.Energies, b.Energies) && a.States.Span.SequenceEqual(b.States.Span);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Relative * Math.Max(1.0, Math.Abs(b));

    [Property(MaxTest = 100)]
    public Property Ais_is_the_never_resampling_step_over_the_schedule() =>
        Prop.ForAll(Cases(), c =>
        {
            var (path, schedule, key) = (c.Path(), Valid(AnnealingSchedule.Linear(c.Steps)), RngKey.FromSeed(c.Seed));
            var (estimate, final) = Valid(Ais.RunWithState(key, path, schedule, c.Particles));
            var kernel = Ais.Kernel(path);
            var (baseKey, moveKey) = key.Split();
            var state = Valid(kernel.Init(baseKey, c.Particles));
            var sums = new double[c.Particles];
            for (var k = 1; k <= schedule.Steps; k++)
            {
                (state, var info) = kernel.Step(moveKey.FoldIn(k), moveKey.FoldIn(k), state, schedule[k]);
                for (var i = 0; i < sums.Length; i++) sums[i] += info.Increments[i];
            }

            return (SameBits(estimate.LogWeights!, Vec.Of(sums)) && SameBits(final, state.Particles) && Close(state.LogZ, estimate.LogZ))
                .Label($"{c}: log Z {state.LogZ:R} stepped, {estimate.LogZ:R} by AIS");
        });

    [Property(MaxTest = 100)]
    public Property Smc_with_a_fixed_schedule_is_the_step_over_the_schedule() =>
        Prop.ForAll(Cases().Filter(c => c.Particles >= 2), c =>
        {
            var (path, schedule, key) = (c.Path(), Valid(AnnealingSchedule.Linear(c.Steps)), RngKey.FromSeed(c.Seed));
            var options = Valid(SmcOptions.Create(c.Particles, schedule, resampleThreshold: c.Threshold, scheme: c.Scheme, repetitions: 1));
            var run = Valid(Smc.RunOnce(key, path, options));
            var kernel = Smc.Kernel(path, options);
            var children = key.Split(3);
            var state = Valid(kernel.Init(children[0], c.Particles));
            var resamplings = 0;
            for (var k = 1; k <= schedule.Steps; k++)
            {
                (state, var info) = kernel.Step(children[1].FoldIn(k), children[2].FoldIn(k), state, schedule[k]);
                resamplings += info.Resampled ? 1 : 0;
            }

            return (BitConverter.DoubleToInt64Bits(run.Estimate.LogZ) == BitConverter.DoubleToInt64Bits(state.LogZ)
                    && SameBits(run.Final, state.Particles) && run.ResamplingEvents == resamplings)
                .Label($"{c}: log Z {state.LogZ:R} stepped, {run.Estimate.LogZ:R} by RunOnce");
        });
}
