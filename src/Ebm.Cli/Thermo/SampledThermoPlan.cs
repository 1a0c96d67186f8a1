namespace Ebm.Cli.Thermo;

/// <summary>
/// A sampled <c>ebm thermo</c> run as parsed: the method, its seed, chains (or particles, or walkers) and sweeps.
/// </summary>
/// <param name="Method">pt, reweighting, wang-landau or ais.</param>
/// <param name="Seed">The seed of every random number of the run.</param>
/// <param name="Replicas">pt/reweighting: chains per rung; ais: particles; wang-landau: walkers.</param>
/// <param name="Steps">pt/reweighting: recorded sweeps; ais: sweeps at every beta; wang-landau: unused.</param>
/// <param name="BurnIn">pt/reweighting: unrecorded sweeps first.</param>
internal sealed record SampledThermoPlan(string Method, ulong Seed, int Replicas, int Steps, int BurnIn)
{
    public const ulong DefaultSeed = 42;
    public const int DefaultChains = 4;
    public const int DefaultParticles = 256;
    public const int DefaultWalkers = 4;
    public const int DefaultSweeps = 4000;
    public const int DefaultAisSweeps = 1;
    public const int DefaultBurnIn = 500;
}
