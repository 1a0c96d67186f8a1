using System.Text;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.Schedules;

namespace Ebm.Functional.Tests.Shell.Schedules;

/// <summary>Schedule files: the points 0 = t_0 &lt; ... &lt; t_K = 1 as text; every other input is an expected error naming the file.</summary>
public sealed class ScheduleFileTests
{
    [Fact]
    public void Points_are_read_across_separators_comments_and_a_byte_order_mark()
    {
        var schedule = ScheduleFile.Parse("s.txt", Encoding.UTF8.GetBytes("\uFEFF# ten steps\n0, 0.01;0.1\t0.5\r\n\n# more\n0.75 1e0\n"))
            .Match(s => s, e => throw new InvalidOperationException(e.Message));
        Assert.Equal([0.0, 0.01, 0.1, 0.5, 0.75, 1.0], schedule.Points.Span.ToArray());
        Assert.Equal("file", schedule.Name);
    }

    public static TheoryData<string, int, string> BadFiles() => new()
    {
        { "0 0.5\n0.7 x 1\n", ScheduleFileErrors.NotANumberCode, "s.txt: line 2: \"x\" is not a number" },
        { "0 " + new string('9', 100) + "z 1", ScheduleFileErrors.NotANumberCode, "s.txt: line 1: \"" + new string('9', 37) + "...\" is not a number" },
        { "0 \u001b[2J 1", ScheduleFileErrors.NotANumberCode, "\"\\u001b[2J\" is not a number" },
        { "0 0.5 0.4 1", ScheduleFileErrors.InvalidScheduleCode, "s.txt: schedule: points must increase strictly: point 2 (0.4) follows 0.5" },
        { "0 NaN 1", ScheduleFileErrors.InvalidScheduleCode, "point 1 is NaN, not a finite number" },
        { "0 1e999 1", ScheduleFileErrors.InvalidScheduleCode, "point 1 is Infinity, not a finite number" },
        { "", ScheduleFileErrors.InvalidScheduleCode, "s.txt: schedule: a schedule needs at least 2 points (0 and 1), got 0" },
        { "# only a comment\n", ScheduleFileErrors.InvalidScheduleCode, "got 0" },
        { "0.1 1", ScheduleFileErrors.InvalidScheduleCode, "the first point must be 0, got 0.1" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_an_expected_error_naming_the_file_and_the_problem(string text, int code, string expected)
    {
        var errors = Failures.Of(ScheduleFile.Parse("s.txt", Encoding.UTF8.GetBytes(text)));
        Assert.All(errors, e => Assert.True(e.IsExpected));
        Assert.Contains(errors, e => e.Code == code && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_by_line_and_position()
    {
        var error = Assert.Single(Failures.Of(ScheduleFile.Parse("s.txt", new byte[] { (byte)'0', (byte)'\n', (byte)' ', 0x80, (byte)'1' })));
        Assert.Equal(TextErrors.NotUtf8Code, error.Code);
        Assert.Equal("s.txt: not valid UTF-8 at line 2, position 2 (byte 0x80)", error.Message);
    }

    [Fact]
    public void Load_reads_the_file_and_reports_a_missing_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "0 0.5 1");
            Assert.Equal(2, ScheduleFile.Load(path).Match(s => s.Steps, e => throw new InvalidOperationException(e.Message)));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(FileErrors.NotFoundCode, Assert.Single(Failures.Of(ScheduleFile.Load("/no/such/schedule.txt"))).Code);
    }
}
