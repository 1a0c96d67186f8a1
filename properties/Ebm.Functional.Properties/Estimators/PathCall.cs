namespace Ebm.Functional.Properties.Estimators;

/// <summary>One call an annealing estimator made on its path: a log density at t, or a move at t.</summary>
public readonly record struct PathCall(bool IsMove, double Point);
