using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>How a value of <typeparamref name="T"/> becomes text for the wire and back, exactly (doubles to the bit).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Write">The value as text.</param>
/// <param name="Read">The text as a value, or why it is not one.</param>
public sealed record WorkCodec<T>(Func<T, string> Write, Func<string, Fin<T>> Read);
