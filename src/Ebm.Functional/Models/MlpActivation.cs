namespace Ebm.Functional.Models;

/// <summary>The smooth activations of an <see cref="Mlp"/>'s hidden layers (score matching needs three derivatives).</summary>
public enum MlpActivation
{
    /// <summary>softplus(z) = log(1 + e^z).</summary>
    Softplus,

    /// <summary>tanh(z).</summary>
    Tanh,

    /// <summary>SiLU or swish, z sigmoid(z) (Elfwing, Uchibe and Doya 2018; Ramachandran, Zoph and Le 2017).</summary>
    Silu,
}
