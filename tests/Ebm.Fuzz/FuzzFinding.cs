namespace Ebm.Fuzz;

/// <summary>An outcome a reader must never have: afl-fuzz records the input as a crash, the tests fail with the message.</summary>
public sealed class FuzzFinding(string message) : Exception(message);
