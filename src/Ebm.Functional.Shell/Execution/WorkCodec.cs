using System.Text.Json;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Execution;

/// <summary>How a value of <typeparamref name="T"/> becomes text for the wire and back, exactly (doubles to the bit).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Write">The value as text.</param>
/// <param name="Read">The text as a value, or why it is not one.</param>
public sealed record WorkCodec<T>(Func<T, string> Write, Func<string, Fin<T>> Read)
{
    /// <summary>The JSON options of <see cref="Json"/>: non-finite doubles as names, so -infinity log weights travel.</summary>
    public static JsonSerializerOptions Options { get; } = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>
    /// The value as JSON (System.Text.Json, <see cref="Options"/>); text that is not such a value is an
    /// <see cref="ExecutionErrors.BadMessage"/> naming <paramref name="what"/>. Doubles in JSON are written in their shortest
    /// round-trip form, which reads back to the same bits.
    /// </summary>
    /// <param name="what">What the message holds, for errors ("an AIS block's input").</param>
    public static WorkCodec<T> Json(string what) => new(value => JsonSerializer.Serialize(value, Options), text => FromJson(text, what));

    /// <summary>The JSON as a <typeparamref name="T"/>, or a message error naming <paramref name="what"/>.</summary>
    /// <param name="text">The JSON.</param>
    /// <param name="what">What the message holds, for errors.</param>
    public static Fin<T> FromJson(string text, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) is { } value
                ? FinSucc(value)
                : FinFail<T>(ExecutionErrors.BadMessage(what, "null"));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return FinFail<T>(ExecutionErrors.BadMessage(what, e.Message));
        }
    }
}
