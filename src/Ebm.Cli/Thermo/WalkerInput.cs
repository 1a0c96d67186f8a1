namespace Ebm.Cli.Thermo;

/// <summary>
/// One Wang-Landau walker as it travels to a worker: the model file's text, the run's settings (the grid as minimum,
/// spacing and count, or none), the run's key and the walker's index. Doubles travel as their 64 bits.
/// </summary>
internal sealed record WalkerInput(
    string Model, long Flatness, long InitialLogF, long FinalLogF, int CheckEverySweeps, long MaxSweeps, int Walkers,
    long[]? Grid, uint Key0, uint Key1, int Walker);
