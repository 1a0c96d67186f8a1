using Ebm.Functional.Models;

namespace Ebm.Functional.Shell.Data;

/// <summary>What a loaded data set must be: its width (values per example), the values it may hold, and for an archive the array to take.</summary>
/// <param name="Width">The values per example the model needs (its visible units), or null to take the file's width.</param>
/// <param name="Values">The values allowed: any finite reals, 0/1, or -1/+1.</param>
/// <param name="ArrayName">For a <c>.npz</c> archive, the array holding the data; null takes the archive's only array.</param>
public sealed record DataRequest(int? Width = null, DataValues Values = DataValues.Real, string? ArrayName = null)
{
    /// <summary>Any finite reals of any width: the file as it is.</summary>
    public static DataRequest Any { get; } = new();

    /// <summary>0/1 data for a model of <paramref name="width"/> visible units.</summary>
    public static DataRequest Binary(int width) => new(width, DataValues.Binary);

    /// <summary>-1/+1 data for a model of <paramref name="width"/> units.</summary>
    public static DataRequest Spin(int width) => new(width, DataValues.Spin);

    /// <summary>
    /// What data for <paramref name="model"/> must be: one value per visible unit (every unit of a Boltzmann machine or
    /// Ising lattice), 0/1 for a Bernoulli RBM or binary machine, -1/+1 for a lattice or spin machine, reals for a
    /// Gaussian-Bernoulli RBM.
    /// </summary>
    /// <exception cref="ArgumentException">A model kind that is not trained on data vectors (a continuous toy energy).</exception>
    public static DataRequest For(IEnergyModel model) => model switch
    {
        BernoulliRbm rbm => Binary(rbm.Visible),
        GaussianBernoulliRbm rbm => new(rbm.Visible, DataValues.Real),
        BoltzmannMachine machine => new(machine.Dimension, machine.States == StateConvention.Spin ? DataValues.Spin : DataValues.Binary),
        IsingModel lattice => Spin(lattice.Dimension),
        _ => throw new ArgumentException($"a {model?.Kind} model has no data format", nameof(model)),
    };
}
