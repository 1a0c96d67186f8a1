using System.Globalization;
using System.Text.Json;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt.Common;
using Ebm.Functional.Models;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// Reads the fields of one model object, collecting every problem (missing key, wrong JSON type,
/// ragged rows, non-finite numbers, unknown keys) instead of stopping at the first.
/// </summary>
/// <remarks>
/// Each accessor returns null when the field is unusable and records why; the caller builds the
/// model only when <see cref="Errors"/> is empty. Sizes are checked against the caller's limits
/// before any buffer is allocated, so a hostile file cannot make us allocate more than the limits allow.
/// </remarks>
internal sealed class JsonModelReader
{
    /// <summary>Most duplicated or unknown keys named in messages; a file with thousands gets a readable report.</summary>
    private const int MaxKeysNamed = 10;

    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _duplicates = new(StringComparer.Ordinal);
    private readonly List<Error> _errors = [];

    public JsonModelReader(JsonElement modelObject)
    {
        foreach (var property in modelObject.EnumerateObject())
            if (!_values.TryAdd(property.Name, property.Value) && _duplicates.Count < MaxKeysNamed && _duplicates.Add(property.Name))
                _errors.Add(ModelFileErrors.DuplicateKey(property.Name));
    }

    public IReadOnlyList<Error> Errors => _errors;

    /// <summary>Records every key that is not in <paramref name="known"/>, with a suggestion for near misses.</summary>
    public void RejectUnknownKeys(string kind, IReadOnlyList<string> known)
    {
        var unknown = _values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count == 0) return;
        var named = unknown.Take(MaxKeysNamed).Select(k => KeySuggestion.Quoted(k, known)).ToList();
        if (unknown.Count > MaxKeysNamed) named.Add($"and {unknown.Count - MaxKeysNamed} more");
        _errors.Add(ModelFileErrors.UnknownKeys(kind, named, known));
    }

    /// <summary>A finite number; <paramref name="fallback"/> when the key is absent (required when null).</summary>
    public double? Number(string key, double? fallback = null)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            if (fallback is null) _errors.Add(ModelFileErrors.MissingField(key, "a number"));
            return fallback;
        }

        return ReadNumber(key, value);
    }

    /// <summary>A whole number that fits an int; <paramref name="fallback"/> when absent (required when null).</summary>
    public int? Integer(string key, int? fallback = null)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            if (fallback is null) _errors.Add(ModelFileErrors.MissingField(key, "a whole number"));
            return fallback;
        }

        if (ReadNumber(key, value) is not { } number) return null;
        if (number != Math.Floor(number))
        {
            _errors.Add(ModelFileErrors.InvalidValue(key, $"expected a whole number, got {Raw(value)}"));
            return null;
        }

        if (number is > int.MaxValue or < int.MinValue)
        {
            _errors.Add(ModelFileErrors.InvalidValue(key, $"{Raw(value)} is out of range"));
            return null;
        }

        return (int)number;
    }

    /// <summary>One of <paramref name="allowed"/> (a JSON string); <paramref name="fallback"/> when absent.</summary>
    public string? Choice(string key, IReadOnlyList<string> allowed, string? fallback = null)
    {
        var choices = string.Join(" or ", allowed.Select(a => $"\"{a}\""));
        if (!_values.TryGetValue(key, out var value))
        {
            if (fallback is null) _errors.Add(ModelFileErrors.MissingField(key, choices));
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(ModelFileErrors.WrongType(key, $"a string, {choices}", Describe(value)));
            return null;
        }

        var text = value.GetString()!;
        if (allowed.Contains(text)) return text;
        _errors.Add(ModelFileErrors.InvalidValue(key, $"{EchoedText.Quote(text)} is not one of {choices}"));
        return null;
    }

    /// <summary>An array of finite numbers of at most <paramref name="maxLength"/> entries.</summary>
    public Vec? Vector(string key, int maxLength)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            _errors.Add(ModelFileErrors.MissingField(key, "an array of numbers"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(ModelFileErrors.WrongType(key, "an array of numbers", Describe(value)));
            return null;
        }

        var length = value.GetArrayLength();
        if (length > maxLength)
        {
            _errors.Add(ModelErrors.TooLarge(key, length, maxLength));
            return null;
        }

        var valid = true;
        var vector = Vec.Create(length, destination =>
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (valid && ReadNumber($"{key}[{i}]", item) is { } x) destination[i] = x;
                else valid = false;
                i++;
            }
        });
        return valid ? vector : null;
    }

    /// <summary>
    /// An array of equally long arrays of finite numbers (row-major), within the given limits on
    /// rows, columns and entries.
    /// </summary>
    public Mat? Matrix(string key, int maxRows, int maxColumns, long maxEntries)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            _errors.Add(ModelFileErrors.MissingField(key, "an array of rows (arrays of numbers)"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(ModelFileErrors.WrongType(key, "an array of rows (arrays of numbers)", Describe(value)));
            return null;
        }

        var rows = value.GetArrayLength();
        if (rows > maxRows)
        {
            _errors.Add(ModelErrors.TooLarge($"{key} rows", rows, maxRows));
            return null;
        }

        var columns = -1;
        var row = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array)
            {
                _errors.Add(ModelFileErrors.WrongType($"{key}[{row}]", "an array of numbers (a row)", Describe(item)));
                return null;
            }

            var count = item.GetArrayLength();
            if (columns < 0) columns = count;
            else if (count != columns)
            {
                _errors.Add(ModelFileErrors.Ragged(key, row, count, columns));
                return null;
            }

            row++;
        }

        columns = Math.Max(columns, 0);
        if (columns > maxColumns)
        {
            _errors.Add(ModelErrors.TooLarge($"{key} columns", columns, maxColumns));
            return null;
        }

        if ((long)rows * columns > maxEntries)
        {
            _errors.Add(ModelErrors.TooLarge(key, (long)rows * columns, maxEntries));
            return null;
        }

        var valid = true;
        var matrix = Mat.Create(rows, columns, destination =>
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var j = 0;
                foreach (var entry in item.EnumerateArray())
                {
                    if (!valid) return;
                    if (ReadNumber($"{key}[{i}][{j}]", entry) is { } x) destination[i * columns + j] = x;
                    else valid = false;
                    j++;
                }

                i++;
            }
        });
        return valid ? matrix : null;
    }

    /// <summary>
    /// An array of at most <paramref name="maxCount"/> JSON objects, each with its own reader (the layers of a network);
    /// the caller reads their fields, then hands each back to <see cref="Adopt"/> so its problems join these.
    /// </summary>
    public IReadOnlyList<JsonModelReader>? Objects(string key, int maxCount)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            _errors.Add(ModelFileErrors.MissingField(key, "an array of objects"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(ModelFileErrors.WrongType(key, "an array of objects", Describe(value)));
            return null;
        }

        if (value.GetArrayLength() > maxCount)
        {
            _errors.Add(ModelErrors.TooLarge(key, value.GetArrayLength(), maxCount));
            return null;
        }

        var readers = new List<JsonModelReader>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(ModelFileErrors.WrongType($"{key}[{index}]", "an object", Describe(item)));
                return null;
            }

            readers.Add(new JsonModelReader(item));
            index++;
        }

        return readers;
    }

    /// <summary>Takes the problems of a nested object's reader, each named from here (<paramref name="prefix"/> is "layers[0].").</summary>
    public void Adopt(string prefix, JsonModelReader nested)
    {
        foreach (var error in nested.Errors) _errors.Add(Error.New(error.Code, prefix + error.Message));
    }

    private double? ReadNumber(string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetDouble(out var x) && double.IsFinite(x)) return x;
            _errors.Add(ModelFileErrors.NotFinite(field, Raw(value)));
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && LooksNonFinite(value.GetString()!))
            _errors.Add(ModelFileErrors.NotFinite(field, $"the string {Raw(value)}"));
        else
            _errors.Add(ModelFileErrors.WrongType(field, "a number", Describe(value)));
        return null;
    }

    /// <summary>Strings that other tools write for NaN and infinities.</summary>
    private static bool LooksNonFinite(string text)
    {
        var t = text.Trim().TrimStart('+', '-').ToLowerInvariant();
        return t is "nan" or "inf" or "infinity" or "∞" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !double.IsFinite(x);
    }

    /// <summary>A short description of a JSON value for error messages.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Raw(value)}",
        JsonValueKind.Number => $"the number {Raw(value)}",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()} values",
        JsonValueKind.Object => "an object",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>A value as written (JSON has escaped every control character of a string), shortened.</summary>
    private static string Raw(JsonElement value) => EchoedText.OneLine(EchoedText.Shorten(value.GetRawText()));
}
