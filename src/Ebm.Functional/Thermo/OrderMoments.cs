namespace Ebm.Functional.Thermo;

/// <summary>
/// The order parameter of a spin model at one beta, per unit, with the finite-size quantities built from it
/// (Binder 1981; Newman &amp; Barkema 1999, ch. 3): with m = M / N the magnetisation per unit,
/// MeanAbsolute = &lt;|m|&gt;, Susceptibility chi = beta N (&lt;m^2&gt; - &lt;|m|&gt;^2), Binder U_4 = 1 - &lt;m^4&gt; / (3 &lt;m^2&gt;^2).
/// </summary>
/// <remarks>
/// chi uses &lt;|m|&gt; rather than &lt;m&gt;: on a finite lattice without a field &lt;m&gt; = 0 by symmetry and the
/// plain variance would not peak at the transition. U_4 tends to 2/3 in the ordered phase and to 0 in the disordered
/// one; its curves for several L cross near T_c.
/// </remarks>
/// <param name="MeanAbsolute">&lt;|m|&gt;.</param>
/// <param name="Susceptibility">chi = beta N (&lt;m^2&gt; - &lt;|m|&gt;^2).</param>
/// <param name="Binder">U_4 = 1 - &lt;m^4&gt; / (3 &lt;m^2&gt;^2).</param>
public sealed record OrderMoments(Measured MeanAbsolute, Measured Susceptibility, Measured Binder);
