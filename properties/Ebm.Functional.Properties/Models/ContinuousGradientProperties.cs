using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

/// <summary>
/// Gradient laws of the four continuous energies: the analytic gradient in x and in the parameters
/// equals a central finite difference, and the batch energy equals the energy row by row.
/// </summary>
/// <remarks>
/// Central differences with step h = 1e-6 have truncation error h^2 M3 / 6 (M3 a bound on the third
/// derivative along the step) and rounding error about eps |E| / h = 2.2e-10 |E|. On the sampled
/// ranges M3 &lt; 1e5 (the steepest case is the mixture's log-sum-exp switching between components
/// with sigma = 0.5, where |grad l_1 - grad l_2|^3 &lt;= 32^3), so truncation stays below 2e-8 and the
/// tolerance 1e-6 (1 + |E|) leaves a margin of 50 over both errors.
/// </remarks>
[Properties(Arbitrary = [typeof(ContinuousArbitraries)], MaxTest = 200)]
public sealed class ContinuousGradientProperties
{
    private const double Step = 1e-6;

    [Property]
    public bool Gaussian_gradient_is_the_finite_difference(ContinuousArbitraries.GaussianCase c) =>
        GradientMatches(c.Model, c.Point);

    [Property]
    public bool Double_well_gradient_is_the_finite_difference(ContinuousArbitraries.DoubleWellCase c) =>
        GradientMatches(c.Model, c.Point);

    [Property]
    public bool Ring_gradient_is_the_finite_difference(ContinuousArbitraries.RingCase c) =>
        GradientMatches(c.Model, c.Point);

    [Property]
    public bool Mixture_gradient_is_the_finite_difference(ContinuousArbitraries.MixtureCase c) =>
        GradientMatches(c.Model, c.Point);

    [Property]
    public bool Gaussian_parameter_gradient_is_the_finite_difference(ContinuousArbitraries.GaussianCase c)
    {
        var model = c.Model;
        var d = model.Dimension;
        var g = model.ParameterGradient(c.Point);
        var ok = true;
        for (var i = 0; i < d; i++)
        {
            var index = i;
            ok &= Close(g.Mean[i], Difference(h => Shifted(model, meanIndex: index, precisionIndex: null, h).Energy(c.Point)), model.Energy(c.Point));
        }

        // P stays symmetric: the step moves P_ij and P_ji together, whose derivative is G_ij + G_ji.
        for (var i = 0; i < d; i++)
        for (var j = i; j < d; j++)
        {
            var pair = (i, j);
            var expected = i == j ? g.Precision[i, i] : g.Precision[i, j] + g.Precision[j, i];
            ok &= Close(expected, Difference(h => Shifted(model, meanIndex: null, precisionIndex: pair, h).Energy(c.Point)), model.Energy(c.Point));
        }

        return ok;
    }

    [Property]
    public bool Double_well_parameter_gradient_is_the_finite_difference(ContinuousArbitraries.DoubleWellCase c)
    {
        var g = c.Model.ParameterGradient(c.Point);
        var energy = c.Model.Energy(c.Point);
        return Close(g.Barrier, Difference(h => (c with { Barrier = c.Barrier + h }).Model.Energy(c.Point)), energy)
               && Close(g.Stiffness, Difference(h => (c with { Stiffness = c.Stiffness + h }).Model.Energy(c.Point)), energy);
    }

    [Property]
    public bool Ring_parameter_gradient_is_the_finite_difference(ContinuousArbitraries.RingCase c)
    {
        var g = c.Model.ParameterGradient(c.Point);
        var energy = c.Model.Energy(c.Point);
        return Close(g.Radius, Difference(h => (c with { Radius = c.Radius + h }).Model.Energy(c.Point)), energy)
               && Close(g.Scale, Difference(h => (c with { Scale = c.Scale + h }).Model.Energy(c.Point)), energy);
    }

    [Property]
    public bool Mixture_parameter_gradient_is_the_finite_difference(ContinuousArbitraries.MixtureCase c)
    {
        var g = c.Model.ParameterGradient(c.Point);
        var energy = c.Model.Energy(c.Point);
        var ok = true;
        for (var k = 0; k < c.Weights.Length; k++)
        {
            var component = k;
            ok &= Close(g.Weights[k], Difference(h => Perturbed(c, c.Weights, component, w => w + h).Energy(c.Point)), energy);
            ok &= Close(g.LogWeights[k], Difference(h => Perturbed(c, c.Weights, component, w => w * Math.Exp(h)).Energy(c.Point)), energy);
            ok &= Close(g.Sigmas[k], Difference(h => Perturbed(c, c.Sigmas, component, s => s + h).Energy(c.Point)), energy);
            for (var axis = 0; axis < 2; axis++)
            {
                var entry = 2 * k + axis;
                ok &= Close(g.Means[k, axis], Difference(h => Perturbed(c, c.Means, entry, m => m + h).Energy(c.Point)), energy);
            }
        }

        return ok;
    }

    [Property(MaxTest = 100)]
    public bool Batch_energies_equal_energies_row_by_row(
        ContinuousArbitraries.GaussianCase gaussian, ContinuousArbitraries.DoubleWellCase wells,
        ContinuousArbitraries.RingCase ring, ContinuousArbitraries.MixtureCase mixture)
    {
        var d = gaussian.Model.Dimension;
        var gaussianBatch = Mat.Create(3, d, b =>
        {
            for (var row = 0; row < 3; row++)
            for (var j = 0; j < d; j++)
                b[row * d + j] = gaussian.Point[j] * (row - 1.0) + 0.25 * row;
        });
        var planeBatch = Mat.FromRows([wells.Point, ring.Point, mixture.Point, [0.0, 0.0]]);
        return BatchMatches(gaussian.Model, gaussianBatch, 1e-12)
               && BatchMatches(wells.Model, planeBatch, 0.0)
               && BatchMatches(ring.Model, planeBatch, 0.0)
               && BatchMatches(mixture.Model, planeBatch, 0.0);
    }

    [Property(MaxTest = 100)]
    public bool Gaussian_mean_parameter_gradient_is_the_average_of_point_gradients(ContinuousArbitraries.GaussianCase c)
    {
        var d = c.Model.Dimension;
        var batch = Mat.Create(4, d, b =>
        {
            for (var row = 0; row < 4; row++)
            for (var j = 0; j < d; j++)
                b[row * d + j] = c.Point[(j + row) % d] - 0.5 * row;
        });
        var mean = c.Model.MeanParameterGradient(batch);
        var ok = true;
        for (var i = 0; i < d; i++)
        {
            var average = 0.0;
            for (var row = 0; row < 4; row++) average += c.Model.ParameterGradient(batch.Row(row)).Mean[i] / 4;
            ok &= Math.Abs(average - mean.Mean[i]) <= 1e-12 * (1 + Math.Abs(average));
            for (var j = 0; j < d; j++)
            {
                var averageP = 0.0;
                for (var row = 0; row < 4; row++) averageP += c.Model.ParameterGradient(batch.Row(row)).Precision[i, j] / 4;
                ok &= Math.Abs(averageP - mean.Precision[i, j]) <= 1e-12 * (1 + Math.Abs(averageP));
            }
        }

        return ok;
    }

    private static bool GradientMatches(IContinuousModel model, double[] point)
    {
        var gradient = new double[point.Length];
        model.EnergyGradient(point, gradient);
        var energy = model.Energy(point);
        var ok = true;
        for (var i = 0; i < point.Length; i++)
        {
            var axis = i;
            ok &= Close(gradient[i], Difference(h =>
            {
                var moved = (double[])point.Clone();
                moved[axis] += h;
                return model.Energy(moved);
            }), energy);
        }

        return ok;
    }

    private static bool BatchMatches(IContinuousModel model, Mat batch, double relativeTolerance)
    {
        var energies = model.Energies(batch);
        for (var row = 0; row < batch.Rows; row++)
        {
            var single = model.Energy(batch.Row(row));
            if (Math.Abs(energies[row] - single) > relativeTolerance * Math.Max(1.0, Math.Abs(single))) return false;
        }

        return energies.Length == batch.Rows;
    }

    private static double Difference(Func<double, double> f) => (f(Step) - f(-Step)) / (2 * Step);

    private static bool Close(double analytic, double numeric, double energy) =>
        Math.Abs(analytic - numeric) <= 1e-6 * (1 + Math.Abs(energy));

    private static GaussianModel Shifted(GaussianModel model, int? meanIndex, (int I, int J)? precisionIndex, double h)
    {
        var mean = model.Mean.ToArray();
        if (meanIndex is { } m) mean[m] += h;
        var precision = model.Precision.ToRows();
        if (precisionIndex is var (i, j))
        {
            precision[i][j] += h;
            if (i != j) precision[j][i] += h;
        }

        return (GaussianModel)GaussianModel.Create(Vec.Of(mean), Mat.FromRows(precision));
    }

    private static GaussianMixture2D Perturbed(ContinuousArbitraries.MixtureCase c, double[] parameters, int index, Func<double, double> change)
    {
        var moved = (double[])parameters.Clone();
        moved[index] = change(moved[index]);
        return ContinuousArbitraries.MixtureCase.Build(
            ReferenceEquals(parameters, c.Weights) ? moved : c.Weights,
            ReferenceEquals(parameters, c.Means) ? moved : c.Means,
            ReferenceEquals(parameters, c.Sigmas) ? moved : c.Sigmas);
    }
}
