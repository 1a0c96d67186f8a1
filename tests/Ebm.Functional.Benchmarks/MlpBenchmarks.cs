using BenchmarkDotNet.Attributes;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// The passes of a 2 x 64 MLP energy (two hidden layers of 64, softplus) on a minibatch of 256 two-dimensional points:
/// the energies, the input gradients, and each parameter gradient the objectives without Z call (weighted energies,
/// directional, curvature), as <c>dotnet run -c Release --project tests/Ebm.Functional.Benchmarks -- --filter '*Mlp*' --quick</c>.
/// </summary>
[MemoryDiagnoser]
public class MlpBenchmarks
{
    private MlpEnergy _model = null!;
    private Mat _points = Mat.Zeros(0, 2);
    private Mat _directions = Mat.Zeros(0, 2);
    private Vec _weights = Vec.Empty;

    /// <summary>The hidden layers' activation.</summary>
    [Params(MlpActivation.Softplus, MlpActivation.Silu)]
    public MlpActivation Activation { get; set; }

    /// <summary>A seeded network and minibatch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = RngKey.FromSeed(11);
        _model = MlpTraining.InitialiseEnergy(key, 2, [64, 64], Activation).Match(m => m, e => throw new InvalidOperationException(e.Message));
        _points = Mat.Create(256, 2, d => key.FoldIn(100).Normal(d));
        _directions = Mat.Create(256, 2, d => key.FoldIn(101).Normal(d));
        _weights = Vec.Filled(256, 1.0 / 256);
    }

    /// <summary>E(x_r) for the batch.</summary>
    [Benchmark]
    public Vec Energies() => MlpTraining.Derivatives.Energies(_model, _points);

    /// <summary>grad_x E(x_r) for the batch.</summary>
    [Benchmark]
    public Mat InputGradients() => MlpTraining.Derivatives.InputGradients(_model, _points);

    /// <summary>sum_r a_r dE(x_r)/dθ: the energy term of maximum likelihood and NCE.</summary>
    [Benchmark(Baseline = true)]
    public Vec ParameterGradient() => MlpTraining.Derivatives.ParameterGradient(_model, _points, _weights);

    /// <summary>sum_r d/dθ [u_r · grad_x E(x_r)]: denoising and sliced score matching's term.</summary>
    [Benchmark]
    public Vec DirectionalParameterGradient() => MlpTraining.Derivatives.DirectionalParameterGradient(_model, _points, _directions);

    /// <summary>The curvatures along V and their parameter gradient: one direction of the Laplacian.</summary>
    [Benchmark]
    public Vec Curvature() => MlpTraining.Derivatives.Curvature(_model, _points, _directions).ParameterGradient;
}
