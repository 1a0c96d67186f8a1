using LanguageExt.Common;

namespace Ebm.Functional.Plots;

/// <summary>Errors of the plots (codes 3901-3999): data that cannot be drawn as asked. All are expected errors.</summary>
public static class PlotErrors
{
    /// <summary>Code of <see cref="NotSquareImages"/>.</summary>
    public const int NotSquareImagesCode = 3901;

    /// <summary>Code of <see cref="NoImages"/>.</summary>
    public const int NoImagesCode = 3902;

    /// <summary>Code of <see cref="InvalidBox"/>.</summary>
    public const int InvalidBoxCode = 3903;

    /// <summary>Code of <see cref="NotPlanar"/>.</summary>
    public const int NotPlanarCode = 3904;

    /// <summary>Code of <see cref="InvalidEnergies"/>.</summary>
    public const int InvalidEnergiesCode = 3905;

    /// <summary>Code of <see cref="NoMass"/>.</summary>
    public const int NoMassCode = 3906;

    /// <summary>Rows (or columns, for filters) whose length is not a square number cannot be drawn as square images.</summary>
    public static Error NotSquareImages(string what, int length) =>
        Error.New(NotSquareImagesCode, $"{what}: {length} values per image is not a square number, so the images have no square side");

    /// <summary>There is nothing to draw.</summary>
    public static Error NoImages(string what) => Error.New(NoImagesCode, $"{what}: there are no images to draw");

    /// <summary>A plotting box that is not a finite, non-empty rectangle, or a grid too coarse or too fine.</summary>
    public static Error InvalidBox(string problem) => Error.New(InvalidBoxCode, $"plot box: {problem}");

    /// <summary>Points that are not in the plane: a picture of 2-D data needs two columns (three with a class column).</summary>
    public static Error NotPlanar(string what, int columns) =>
        Error.New(NotPlanarCode, $"{what}: {columns} columns per point; a 2-D picture needs 2 (x, y) or 3 (x, y, class)");

    /// <summary>An energy function that returned the wrong number of energies or a NaN.</summary>
    public static Error InvalidEnergies(string problem) => Error.New(InvalidEnergiesCode, $"density plot energies: {problem}");

    /// <summary>Every energy on the grid is +infinity: exp(-E) has no mass to normalise.</summary>
    public static Error NoMass(string box) =>
        Error.New(NoMassCode, $"density plot: every energy on the grid over {box} is +infinity, so exp(-E) has no mass there; choose a box where the model has mass");
}
