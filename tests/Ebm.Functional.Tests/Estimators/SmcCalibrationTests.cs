using Ebm.Functional.Annealing;
using Ebm.Functional.Tests.Estimation;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>The SMC repetition error is calibrated: the chi-square check of <see cref="ErrorCalibration"/> over 40 seeds.</summary>
public sealed class SmcCalibrationTests
{
    // R = 8 repetitions per seed: z = (mean - exact) / (sd / sqrt(8)) is close to Student t on 7 degrees of freedom,
    // which the check maps to normal scores before summing their squares.
    private const int Repetitions = 8;

    [Fact]
    public void Adaptive_smc_repetition_errors_pass_the_chi_square_calibration()
    {
        var (path, exact) = SmcTestSupport.SharpMachine();
        var options = SmcOptions.Create(30, repetitions: Repetitions).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        ErrorCalibration.AssertCalibrated(exact, key => Valid(Smc.Run(key, path, options)).Estimate, 1000, studentDegreesOfFreedom: Repetitions - 1);
    }
}
