using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>The catalogue of errors from Wang-Landau sampling and densities of states (codes 7151-7199).</summary>
public static class WangLandauErrors
{
    /// <summary>Code of <see cref="NotApplicable"/>.</summary>
    public const int NotApplicableCode = 7151;

    /// <summary>Code of <see cref="InvalidSetting"/>.</summary>
    public const int InvalidSettingCode = 7152;

    /// <summary>Code of <see cref="OffGrid"/>.</summary>
    public const int OffGridCode = 7153;

    /// <summary>Code of <see cref="NotConverged"/>.</summary>
    public const int NotConvergedCode = 7154;

    /// <summary>Code of <see cref="TooManyBins"/>.</summary>
    public const int TooManyBinsCode = 7155;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 7156;

    /// <summary>Code of <see cref="ExactTooLarge"/>.</summary>
    public const int ExactTooLargeCode = 7157;

    /// <summary>Code of <see cref="GridNeeded"/>.</summary>
    public const int GridNeededCode = 7158;

    /// <summary>A model whose energies Wang-Landau sampling cannot bin: <paramref name="why"/> says why and what would do.</summary>
    public static Error NotApplicable(string model, string why) =>
        Error.New(NotApplicableCode, $"the density of states of {model} is not available: {why}");

    /// <summary>A setting outside its range: <paramref name="field"/> names it.</summary>
    public static Error InvalidSetting(string field, string requirement) =>
        Error.New(InvalidSettingCode, $"{field}: {requirement}");

    /// <summary>A state whose energy does not lie on the energy grid the caller gave.</summary>
    public static Error OffGrid(double energy, EnergyGrid grid) =>
        Error.New(OffGridCode,
            $"a state of energy {energy:R} lies off the energy grid ({grid}); give a grid whose minimum, spacing and count cover every energy of the model");

    /// <summary>A walker that did not reach the final ln f within the sweep limit.</summary>
    public static Error NotConverged(int walker, long sweeps, double logF) =>
        Error.New(NotConvergedCode,
            $"Wang-Landau walker {walker} did not reach the final ln f within {sweeps} sweeps (ln f = {logF:G3}); raise the sweep limit or the final ln f, or lower the flatness");

    /// <summary>An energy histogram with more bins than a walker may hold.</summary>
    public static Error TooManyBins(string model, long bins, long limit) =>
        Error.New(TooManyBinsCode, $"{model} needs {bins} energy bins, more than the {limit} a Wang-Landau walker holds; a field h != 0 doubles the spectrum into (bond, field) pairs: try h = 0 or a smaller lattice");

    /// <summary>An inverse temperature that is not a finite number.</summary>
    public static Error InvalidBeta(double beta) => Error.New(InvalidBetaCode, $"beta: {beta} is not a finite number");

    /// <summary>A model too large for the exact density of states by enumeration.</summary>
    public static Error ExactTooLarge(string model, string size, string limit) =>
        Error.New(ExactTooLargeCode, $"{model} of size {size} is too large for an exact density of states ({limit}); use Wang-Landau sampling instead");

    /// <summary>A discrete model whose energies lie on no grid the library knows: the caller must give one.</summary>
    public static Error GridNeeded(string model) =>
        Error.New(GridNeededCode,
            $"the energies of {model} lie on no grid the library knows; give an energy grid (minimum, spacing, count) that holds every energy of the model");
}
