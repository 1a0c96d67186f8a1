namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>The state of dual averaging after <see cref="Iteration"/> updates.</summary>
/// <param name="Iteration">m, updates since the last restart.</param>
/// <param name="LogStepSize">log h_m, the step size to use for the next transition.</param>
/// <param name="LogAverageStepSize">log h-bar_m, the weighted average of the iterates: the step size to keep once warm-up ends.</param>
/// <param name="AverageGap">H-bar_m, the running average of delta - alpha (target minus observed acceptance).</param>
/// <param name="Mu">mu, the point log h is shrunk towards: log(10 h0) for the step size h0 of the restart.</param>
public sealed record DualAveragingState(int Iteration, double LogStepSize, double LogAverageStepSize, double AverageGap, double Mu)
{
    /// <summary>h_m = exp(log h_m), the step size of the next warm-up transition.</summary>
    public double StepSize => Math.Exp(LogStepSize);

    /// <summary>h-bar_m = exp(log h-bar_m), the adapted step size (h0 before any update).</summary>
    public double AverageStepSize => Iteration == 0 ? StepSize : Math.Exp(LogAverageStepSize);
}
