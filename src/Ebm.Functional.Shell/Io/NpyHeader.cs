using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The header of a <c>.npy</c> file: a Python dictionary literal with exactly the keys <c>descr</c> (a type string),
/// <c>fortran_order</c> (True or False) and <c>shape</c> (a tuple of non-negative integers), in any order.
/// </summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, int[] Shape)
{
    /// <summary>Parses the dictionary; every deviation is a <see cref="ArrayFileErrors.BadHeader"/> error naming it.</summary>
    public static Fin<NpyHeader> Parse(string text, string source)
    {
        var reader = new Reader(text);
        string? descr = null;
        bool? fortran = null;
        int[]? shape = null;
        if (!reader.Take('{')) return Bad(source, "it does not start with '{'");
        while (!reader.Take('}'))
        {
            if (reader.String() is not { } key) return Bad(source, $"expected a quoted key at character {reader.Position + 1}");
            if (!reader.Take(':')) return Bad(source, $"expected ':' after {EchoedText.Quote(key)}");
            switch (key)
            {
                case "descr" when descr is null:
                    descr = reader.String();
                    if (descr is null) return reader.Peek() == '[' ? FinFail<NpyHeader>(ArrayFileErrors.Unsupported(source, "a structured (record) array", "arrays of plain numbers are read")) : Bad(source, "descr is not a type string");
                    break;
                case "fortran_order" when fortran is null:
                    fortran = reader.Word() switch { "True" => true, "False" => false, _ => null };
                    if (fortran is null) return Bad(source, "fortran_order is not True or False");
                    break;
                case "shape" when shape is null:
                    shape = reader.Tuple();
                    if (shape is null) return Bad(source, "shape is not a tuple of non-negative integers");
                    break;
                case "descr" or "fortran_order" or "shape":
                    return Bad(source, $"the key '{key}' appears twice");
                default:
                    return Bad(source, $"unknown key {EchoedText.Quote(key)}");
            }

            if (!reader.Take(',') && reader.Peek() != '}') return Bad(source, $"expected ',' or '}}' at character {reader.Position + 1}");
        }

        if (!reader.AtEnd) return Bad(source, "text after the closing '}'");
        if (descr is null || fortran is null || shape is null)
            return Bad(source, $"missing {string.Join(", ", new[] { descr is null ? "descr" : null, fortran is null ? "fortran_order" : null, shape is null ? "shape" : null }.Where(k => k is not null))}");
        return FinSucc(new NpyHeader(descr, fortran.Value, shape));
    }

    private static Fin<NpyHeader> Bad(string source, string problem) => FinFail<NpyHeader>(ArrayFileErrors.BadHeader(source, problem));

    /// <summary>A cursor over the header text that skips white space before every token.</summary>
    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return Position == text.Length;
            }
        }

        public char Peek()
        {
            SkipSpace();
            return Position < text.Length ? text[Position] : '\0';
        }

        public bool Take(char c)
        {
            if (Peek() != c) return false;
            Position++;
            return true;
        }

        public string? String()
        {
            var quote = Peek();
            if (quote is not ('\'' or '"')) return null;
            var end = text.IndexOf(quote, Position + 1);
            if (end < 0) return null;
            var value = text[(Position + 1)..end];
            Position = end + 1;
            return value;
        }

        public string Word()
        {
            SkipSpace();
            var start = Position;
            while (Position < text.Length && char.IsAsciiLetter(text[Position])) Position++;
            return text[start..Position];
        }

        public int[]? Tuple()
        {
            if (!Take('(')) return null;
            var lengths = new List<int>();
            while (!Take(')'))
            {
                SkipSpace();
                var start = Position;
                while (Position < text.Length && char.IsAsciiDigit(text[Position])) Position++;
                if (Position == start || !int.TryParse(text.AsSpan(start, Position - start), out var length)) return null;
                // Python 2 wrote long integers with an L suffix.
                if (Position < text.Length && text[Position] == 'L') Position++;
                lengths.Add(length);
                if (!Take(',') && Peek() != ')') return null;
            }

            return lengths.ToArray();
        }

        private void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position])) Position++;
        }
    }
}
