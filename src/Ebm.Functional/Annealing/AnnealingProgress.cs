namespace Ebm.Functional.Annealing;

/// <summary>Progress of an annealing run: <paramref name="Step"/> of <paramref name="Steps"/> transitions done.</summary>
/// <param name="Step">Transitions done.</param>
/// <param name="Steps">Transitions in all.</param>
/// <param name="Point">The path position t reached.</param>
public readonly record struct AnnealingProgress(int Step, int Steps, double Point);
