using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training a fully visible <see cref="BoltzmannMachine"/>, {0,1} or {-1,+1} units: its flat parameter layout and its
/// objectives (exact maximum likelihood, CD-k, PCD, tempered SML, pseudolikelihood, ratio matching).
/// </summary>
/// <remarks>
/// <para>With E(x) = -sum_{i&lt;j} W_ij x_i x_j - sum_i b_i x_i and p(x) = exp(-E(x)) / Z, the gradient of the loss
/// -(1/N) sum_r log p(x_r) is &lt;dE/dtheta&gt;_data - &lt;dE/dtheta&gt;_model with dE/dW_ij = -x_i x_j and dE/db_i = -x_i
/// (Ackley, Hinton and Sejnowski 1985): the objectives differ only in how they estimate the model term, or in the
/// loss they put in its place (pseudolikelihood, ratio matching).</para>
/// <para>The state convention is part of the model, not of the parameters: a spin machine trained on {-1,+1} data is
/// the inverse Ising problem (<see cref="InverseIsing"/>); every objective checks that the examples hold the
/// model's two unit values.</para>
/// </remarks>
public static partial class BoltzmannTraining
{
    private const string Family = "boltzmann-machine";

    /// <summary>
    /// The layout: the couplings W_ij of the upper triangle i &lt; j, row-major ((0,1), (0,2), ..., (0,n-1), (1,2), ...),
    /// then the biases b: n(n-1)/2 + n numbers. W_ij and W_ji are one tied parameter, so the vector holds each once and
    /// a step keeps W symmetric with a zero diagonal. Weight decay acts on the couplings only. The state convention is
    /// kept from the model <c>FromVector</c> is given.
    /// </summary>
    public static ModelParameters<BoltzmannMachine> Parameters { get; } = new(
        Family,
        ToVector,
        FromVector,
        model => Vec.Create(Pairs(model.Dimension) + model.Dimension, d => d[..Pairs(model.Dimension)].Fill(1.0)));

    /// <summary>A gradient record (<see cref="BoltzmannMachine.MeanEnergyGradient"/>) in the layout of <see cref="Parameters"/>.</summary>
    /// <remarks>Entry (i, j) of a <see cref="BoltzmannGradient"/> is already the derivative with respect to the tied pair, so it is copied, not doubled.</remarks>
    public static Vec Flatten(BoltzmannGradient gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return Pack(gradient.Couplings, gradient.Biases.Span);
    }

    /// <summary>A flat vector in the layout of <see cref="Parameters"/>, unpacked into a gradient record shaped like <paramref name="model"/>.</summary>
    public static Fin<BoltzmannGradient> Unflatten(BoltzmannMachine model, Vec values)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        var n = model.Dimension;
        if (values.Length != Pairs(n) + n) return FinFail<BoltzmannGradient>(TrainingErrors.ParameterLength(Family, Pairs(n) + n, values.Length));
        var (couplings, biases) = Unpack(n, values.Span);
        return FinSucc(new BoltzmannGradient(couplings, biases));
    }

    /// <summary>The number of tied couplings n(n-1)/2 of <paramref name="units"/> units.</summary>
    internal static int Pairs(int units) => units * (units - 1) / 2;

    /// <summary>
    /// Succeeds when <paramref name="data"/> has at least one row, as many columns as the model has units, and only the
    /// convention's two values.
    /// </summary>
    internal static Fin<Mat> CheckData(string what, int units, StateConvention states, Mat data)
    {
        if (data.Rows == 0) return FinFail<Mat>(TrainingErrors.EmptyBatch(what));
        if (data.Columns != units) return FinFail<Mat>(TrainingErrors.WrongWidth(what, units, data.Columns));
        var low = Low(states);
        var values = data.Span;
        for (var k = 0; k < values.Length; k++)
            if (values[k] != low && values[k] != 1.0)
                return FinFail<Mat>(TrainingErrors.StateOutsideSupport(what, k / units, k % units, values[k], Support(states)));
        return FinSucc(data);
    }

    /// <summary>The low value of a unit: 0 for {0,1} units, -1 for spins.</summary>
    internal static double Low(StateConvention states) => states == StateConvention.Spin ? -1.0 : 0.0;

    /// <summary>The convention's state space as an error message writes it.</summary>
    internal static string Support(StateConvention states) => states == StateConvention.Spin ? "{-1, +1}" : "{0, 1}";

    /// <summary>The loss gradient &lt;dE/dtheta&gt;_data - &lt;dE/dtheta&gt;_model in the layout of <see cref="Parameters"/>.</summary>
    internal static Vec PhaseDifference(BoltzmannGradient data, BoltzmannGradient model)
    {
        var positive = Flatten(data);
        var negative = Flatten(model);
        return Vec.Create(positive.Length, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = positive[k] - negative[k];
        });
    }

    /// <summary>
    /// The loss gradient of a loss that depends on W and b only through the local fields f_ri = sum_j W_ij x_rj + b_i,
    /// given dLoss/df_ri = <paramref name="fieldGradients"/>[r, i]: dLoss/db_i = sum_r g_ri and, for the tied pair,
    /// dLoss/dW_ij = sum_r (g_ri x_rj + g_rj x_ri). Pseudolikelihood and ratio matching are such losses.
    /// </summary>
    internal static Vec FieldChainRule(Mat data, double[] fieldGradients)
    {
        int rows = data.Rows, n = data.Columns;
        var cross = new double[n * n];
        MatrixProduct.Gemm(true, false, n, n, rows, 1.0, fieldGradients, n, data.Span, n, 0.0, cross, n);
        var biases = new double[n];
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < n; i++) biases[i] += fieldGradients[r * n + i];
        return PackCross(cross, biases);
    }

    /// <summary>
    /// The layout of <see cref="Parameters"/> from C = sum_r g_r x_r^T (n x n, row-major) and the bias gradient: the
    /// tied pair (i, j) gets C_ij + C_ji.
    /// </summary>
    internal static Vec PackCross(double[] cross, double[] biases)
    {
        var n = biases.Length;
        return Vec.Create(Pairs(n) + n, d =>
        {
            var k = 0;
            for (var i = 0; i < n; i++)
                for (var j = i + 1; j < n; j++) d[k++] = cross[i * n + j] + cross[j * n + i];
            biases.CopyTo(d[k..]);
        });
    }

    /// <summary>The local fields F = X W + b of every example and unit (rows x n, row-major).</summary>
    internal static double[] LocalFields(BoltzmannMachine model, Mat data)
    {
        int rows = data.Rows, n = model.Dimension;
        var fields = new double[rows * n];
        MatrixProduct.Gemm(false, false, rows, n, n, 1.0, data.Span, n, model.Couplings.Span, n, 0.0, fields, n);
        var biases = model.Biases.Span;
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < n; i++) fields[r * n + i] += biases[i];
        return fields;
    }

    private static Vec ToVector(BoltzmannMachine model) => Pack(model.Couplings, model.Biases.Span);

    private static Fin<BoltzmannMachine> FromVector(BoltzmannMachine model, Vec values) =>
        Unflatten(model, values).Bind(g => BoltzmannMachine.Create(g.Couplings, g.Biases, model.States)
            .Match(FinSucc, errors => FinFail<BoltzmannMachine>(Error.Many(errors))));

    private static Vec Pack(Mat couplings, ReadOnlySpan<double> biases)
    {
        var n = biases.Length;
        var values = new double[Pairs(n) + n];
        var k = 0;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) values[k++] = couplings[i, j];
        biases.CopyTo(values.AsSpan(k));
        return Vec.Wrap(values);
    }

    private static (Mat Couplings, Vec Biases) Unpack(int n, ReadOnlySpan<double> values)
    {
        var couplings = new double[n * n];
        var k = 0;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) couplings[i * n + j] = couplings[j * n + i] = values[k++];
        return (Mat.Wrap(n, n, couplings), Vec.From(values[k..]));
    }
}
