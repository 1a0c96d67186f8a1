using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Properties.Models;

/// <summary>A Boltzmann machine, one of its states and one of its units.</summary>
public sealed record BoltzmannCase(BoltzmannMachine Model, double[] State, int Site)
{
    /// <summary>sum_{i&lt;j} |W_ij| + sum_i |b_i|: a bound on |E(x)| and on |f_i(x)|.</summary>
    public double EnergyScale
    {
        get
        {
            var n = Model.Dimension;
            var scale = 0.0;
            for (var i = 0; i < n; i++)
            {
                scale += Math.Abs(Model.Biases[i]);
                for (var j = i + 1; j < n; j++) scale += Math.Abs(Model.Couplings[i, j]);
            }

            return scale;
        }
    }

    /// <summary>Value of a unit that is off.</summary>
    public double Low => Model.States == StateConvention.Binary ? 0.0 : -1.0;

    /// <summary>A machine with the same convention and the given parameters.</summary>
    public BoltzmannMachine With(Mat couplings, Vec biases) =>
        BoltzmannMachine.Create(couplings, biases, Model.States).Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e)));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model.States} n={Model.Dimension} W=[{string.Join(", ", Model.Couplings.Span.ToArray())}] b={Model.Biases} x=[{string.Join(", ", State)}] site={Site}";
}
