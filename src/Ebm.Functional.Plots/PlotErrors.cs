using LanguageExt.Common;

namespace Ebm.Functional.Plots;

/// <summary>Errors of the plots (codes 3901-3909): data that cannot be drawn as asked. All are expected errors.</summary>
public static class PlotErrors
{
    /// <summary>Code of <see cref="NotSquareImages"/>.</summary>
    public const int NotSquareImagesCode = 3901;

    /// <summary>Code of <see cref="NoImages"/>.</summary>
    public const int NoImagesCode = 3902;

    /// <summary>Rows (or columns, for filters) whose length is not a square number cannot be drawn as square images.</summary>
    public static Error NotSquareImages(string what, int length) =>
        Error.New(NotSquareImagesCode, $"{what}: {length} values per image is not a square number, so the images have no square side");

    /// <summary>There is nothing to draw.</summary>
    public static Error NoImages(string what) => Error.New(NoImagesCode, $"{what}: there are no images to draw");
}
