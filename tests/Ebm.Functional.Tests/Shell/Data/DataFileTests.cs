using System.Text;
using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Data;

/// <summary>Data files read from bytes: UTF-8 text of one vector per line; other bytes and values are expected errors naming the file.</summary>
public sealed class DataFileTests
{
    [Fact]
    public void Rows_are_read_across_separators_comments_crlf_and_a_byte_order_mark()
    {
        var data = DataFile.ParseBinary("d.txt", Encoding.UTF8.GetBytes("\uFEFF# units\r\n1 0;1\r\n\r\n0,1\t1\r\n"), 3)
            .Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal([1.0, 0, 1, 0, 1, 1], data.Span.ToArray());
        Assert.Equal(2, data.Rows);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_by_line_and_position_not_replaced()
    {
        var error = Assert.Single(Failures.Of(DataFile.Parse("d.txt", new byte[] { (byte)'1', (byte)' ', 0xC3, (byte)'\n' }, 2)));
        Assert.Equal(TextErrors.NotUtf8Code, error.Code);
        Assert.Equal("d.txt: not valid UTF-8 at line 1, position 3 (byte 0xC3)", error.Message);
    }

    [Fact]
    public void A_long_or_unprintable_value_is_shortened_and_escaped_in_the_message()
    {
        var error = Assert.Single(Failures.Of(DataFile.Parse("d.txt", "1 " + new string('x', 1_000_000) + "\n", 2)));
        Assert.Equal(DataFileErrors.MalformedCode, error.Code);
        Assert.Equal($"d.txt: line 1, value 2: \"{new string('x', 37)}...\" is not a finite number", error.Message);

        var control = Assert.Single(Failures.Of(DataFile.Parse("d.txt", "1 0\u000b1\n", 2)));
        Assert.Equal("d.txt: line 1, value 2: \"0\\u000b1\" is not a finite number", control.Message);
    }
}
