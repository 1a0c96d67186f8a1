using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Commands;

/// <summary>The options of one <c>ebm dos</c> run, as parsed, with its output files already checked (null: not requested).</summary>
internal sealed record DosRequest(
    string Model,
    string Method,
    double Flatness,
    double FinalLogF,
    int Walkers,
    int CheckEvery,
    long MaxSweeps,
    ulong Seed,
    string Betas,
    string? EnergyGrid,
    bool Json,
    OutputFile? Csv,
    OutputFile? Plot)
{
    /// <summary>Seed when --seed is not given.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>The betas of the thermodynamics table when --beta is not given.</summary>
    public const string DefaultBetas = "0.2:1:0.2";
}
