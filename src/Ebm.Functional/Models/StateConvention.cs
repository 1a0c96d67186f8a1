namespace Ebm.Functional.Models;

/// <summary>The values a binary unit takes.</summary>
public enum StateConvention
{
    /// <summary>Units take 0 or 1.</summary>
    Binary,

    /// <summary>Units take -1 or +1.</summary>
    Spin,
}
