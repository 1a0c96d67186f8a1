using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The catalogue of model-construction errors (codes 1001-1099). Every message starts with the field it is about,
/// so a user reading "weights: row 3 has 19 values, expected 20" knows where to look.
/// </summary>
public static class ModelErrors
{
    /// <summary>Code of <see cref="InvalidField"/>.</summary>
    public const int InvalidFieldCode = 1001;

    /// <summary>Code of <see cref="TooLarge"/>.</summary>
    public const int TooLargeCode = 1002;

    /// <summary>Code of <see cref="NotFinite"/>.</summary>
    public const int NotFiniteCode = 1003;

    /// <summary>Code of <see cref="Inconsistent"/>.</summary>
    public const int InconsistentCode = 1004;

    /// <summary>A field holds a value the model does not accept.</summary>
    public static Error InvalidField(string field, string problem) => Error.New(InvalidFieldCode, $"{field}: {problem}");

    /// <summary>A size exceeds the stated limit.</summary>
    public static Error TooLarge(string field, long size, long limit) =>
        Error.New(TooLargeCode, $"{field}: size {size} exceeds the limit of {limit}");

    /// <summary>A NaN or infinity where a finite number is required.</summary>
    public static Error NotFinite(string field, string where) => Error.New(NotFiniteCode, $"{field}: {where} is not a finite number");

    /// <summary>
    /// A member of a model disagrees with its own energy (found by <see cref="ModelContract"/>):
    /// <paramref name="member"/> names it ("LocalField", "EnergyGradient", ...), <paramref name="problem"/> says where and by how much.
    /// </summary>
    public static Error Inconsistent(string member, string problem) => Error.New(InconsistentCode, $"{member}: {problem}");
}
