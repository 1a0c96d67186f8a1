namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>The single-site rule a <see cref="Checkerboard"/> sweep applies to every site of a colour.</summary>
public enum CheckerboardUpdate
{
    /// <summary>Propose the flip, accept with min(1, exp(-beta dE)), dE = 2 s_i f_i (Metropolis et al. 1953), and with 7/8 at a tie dE = 0.</summary>
    Metropolis,

    /// <summary>Draw s_i from its conditional: p(s_i = +1 | rest) = sigmoid(2 beta f_i) (heat bath / Gibbs; Glauber 1963).</summary>
    HeatBath,
}
