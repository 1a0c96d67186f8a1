using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Models;

/// <summary>Exact draws of a categorical model at beta = 0, shared by the samplers' and the annealers' starting states.</summary>
internal static class CategoricalDraws
{
    /// <summary>
    /// <paramref name="rows"/> states with every unit uniform over 0..q-1: unit j of the row-major layout is
    /// floor(q u_j) of <paramref name="key"/>'s uniform j (so each value has probability 1/q up to the 2^-53 grid of u).
    /// </summary>
    public static Mat Uniform(RngKey key, ICategoricalModel model, int rows) => Mat.Create(rows, model.Dimension, d =>
    {
        key.Uniform(d);
        var q = model.Levels;
        for (var i = 0; i < d.Length; i++) d[i] = Math.Min(Math.Floor(d[i] * q), q - 1);
    });
}
