using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// A quadratic unconstrained binary optimisation problem: minimise f(x) = x^T Q x = sum_i Q_ii x_i + 2 sum_{i&lt;j} Q_ij x_i x_j
/// over x in {0,1}^n for a symmetric Q; as a Boltzmann machine over {0,1} units, W_ij = -2 Q_ij and b_i = -Q_ii, so
/// E(x) = f(x) exactly.
/// </summary>
/// <remarks>
/// Worked number: Q = [[-1, 2], [2, -1]] gives f(1, 0) = f(0, 1) = -1, f(1, 1) = -1 - 1 + 4 = 2, so the minima put
/// exactly one unit on (Glover, Kochenberger and Du, "A tutorial on formulating and using QUBO models", 2019).
/// An upper-triangular Q' has the same objective as the symmetric Q = (Q' + Q'^T) / 2; the file format asks for the
/// symmetric matrix so that nothing is halved or doubled silently.
/// </remarks>
public sealed record QuboProblem
{
    private QuboProblem(Mat matrix, BoltzmannMachine model)
    {
        Matrix = matrix;
        Model = model;
    }

    /// <summary>The symmetric n x n matrix Q.</summary>
    public Mat Matrix { get; }

    /// <summary>The binary machine whose energy is x^T Q x.</summary>
    public BoltzmannMachine Model { get; }

    /// <summary>Number of variables n.</summary>
    public int Variables => Matrix.Rows;

    /// <summary>A problem from a square, symmetric, finite Q; every problem is reported (at most ten).</summary>
    public static Validation<Error, QuboProblem> Create(Mat matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rows != matrix.Columns)
            return Fail<Error, QuboProblem>(SimulatedAnnealingErrors.InvalidProblem("qubo", $"Q is {matrix.Rows} x {matrix.Columns}, not square"));
        var n = matrix.Rows;
        if (n < 1 || n > ModelLimits.MaxBoltzmannUnits)
            return Fail<Error, QuboProblem>(SimulatedAnnealingErrors.InvalidProblem("qubo", $"Q has 1 to {ModelLimits.MaxBoltzmannUnits} rows, not {n}"));
        var errors = Seq<Error>();
        for (var i = 0; i < n && errors.Count < 10; i++)
        for (var j = 0; j < n && errors.Count < 10; j++)
        {
            if (!double.IsFinite(matrix[i, j]))
                errors = errors.Add(SimulatedAnnealingErrors.InvalidProblem("qubo", $"Q[{i}][{j}] is {matrix[i, j]}, not a finite number"));
            else if (j > i && matrix[i, j] != matrix[j, i])
                errors = errors.Add(SimulatedAnnealingErrors.InvalidProblem("qubo", $"Q is not symmetric: Q[{i}][{j}] = {matrix[i, j]} but Q[{j}][{i}] = {matrix[j, i]}"));
        }

        if (!errors.IsEmpty) return Fail<Error, QuboProblem>(errors);
        var couplings = Mat.Create(n, n, d =>
        {
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                d[i * n + j] = i == j ? 0.0 : -2.0 * matrix[i, j];
        });
        var biases = Vec.Create(n, d =>
        {
            for (var i = 0; i < n; i++) d[i] = -matrix[i, i];
        });
        return BoltzmannMachine.Create(couplings, biases, StateConvention.Binary).Map(model => new QuboProblem(matrix, model));
    }

    /// <summary>f(x) = x^T Q x of a state of 0/1 units, summed term by term.</summary>
    public double Objective(ReadOnlySpan<double> x)
    {
        if (x.Length != Variables) throw new ArgumentException($"{x.Length} units for {Variables} variables", nameof(x));
        var n = Variables;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (x[i] == 0.0) continue;
            for (var j = 0; j < n; j++) sum += matrix(i, j) * x[i] * x[j];
        }

        return sum;

        double matrix(int i, int j) => Matrix[i, j];
    }
}
