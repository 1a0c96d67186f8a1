namespace Ebm.Functional.Training;

/// <summary>
/// The precision of the matrix products (and of the elementwise work between them) inside a GEMM-heavy objective such
/// as <see cref="RbmTraining.ContrastiveDivergence"/>, and of the parameters it trains. Gradients and metrics stay in
/// double either way.
/// </summary>
/// <remarks>
/// <para><see cref="Single"/> runs the products, the sigmoids and the draws in float32, about twice as fast on the same
/// cores; one step's gradient agrees with the <see cref="Double"/> one to float rounding (a relative 1e-6 or so), far
/// below the Monte Carlo noise of a sampled negative phase.</para>
/// <para>It also keeps the parameters as float32 numbers, as float32 training in NumPy or PyTorch does: the trainer
/// rounds every updated parameter to the nearest float32 (the update θ + u computed in double, then rounded), on every
/// path (<see cref="Trainer{TModel}.Step"/>, the fused run of <see cref="Trainer{TModel}.Steps"/> and
/// <see cref="Trainer{TModel}.Epoch"/>) and for every optimizer, so the fused run updates 4-byte weights in place instead
/// of 8-byte ones and a float32 copy. An update beyond the float range (about 3.4e38) is a non-finite parameter
/// (<see cref="TrainingErrors.NotFinite"/>). The model handed to <see cref="Trainer{TModel}.Init"/> is not rounded; the
/// first update rounds it.</para>
/// </remarks>
public enum ProductPrecision
{
    /// <summary>float64 products and parameters (the default).</summary>
    Double,

    /// <summary>float32 products and float32 parameters; the gradient widened to double.</summary>
    Single,
}
