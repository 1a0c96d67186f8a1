namespace Ebm.Functional.Mcmc;

/// <summary>
/// A sampling algorithm as an (Init, Step) pair: <see cref="Init"/> builds the state (caching energies and
/// whatever else the step needs) from starting positions, <see cref="Step"/> is the transition kernel.
/// </summary>
/// <example><code>
/// var sampler = SingleSiteMetropolis.Create(model, beta: 0.5);
/// var state = sampler.Init(startingStates);
/// var (final, trace) = Loop.Scan(key, state, steps: 1000, sampler.Step, (s, info) =&gt; s.Energies);
/// </code></example>
/// <param name="Name">A short name for reports ("metropolis", "hmc", ...).</param>
/// <param name="Init">Builds the state from starting positions.</param>
/// <param name="Step">The transition kernel.</param>
public sealed record Sampler<TPosition, TState, TInfo>(string Name, Func<TPosition, TState> Init, KernelStep<TState, TInfo> Step)
{
    /// <summary>
    /// A sampler with the same <see cref="Init"/> and another kernel over the same state, e.g. a composition of this
    /// sampler's step with others (<see cref="Kernels"/>): <c>sweep.WithKernel("sweeps+wolff", Kernels.Sequence(sweep.Step, wolff.Step))</c>.
    /// </summary>
    public Sampler<TPosition, TState, TOtherInfo> WithKernel<TOtherInfo>(string name, KernelStep<TState, TOtherInfo> step) => new(name, Init, step);
}
