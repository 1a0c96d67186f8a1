using LanguageExt.Common;
using Ebm.Cli.Output;

namespace Ebm.Cli.Tests;

/// <summary>Expected errors are bad input (2); exceptional ones are internal errors (1), without a stack trace unless debugging.</summary>
public sealed class ErrorReportTests
{
    private static (CliContext Context, StringWriter Err) Context(bool debug)
    {
        var err = new StringWriter();
        return (new CliContext(new StringWriter(), err, false, false, debug), err);
    }

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("broken invariant");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    [Fact]
    public void An_expected_error_is_bad_input()
    {
        var (context, err) = Context(debug: false);
        Assert.Equal(ExitCodes.BadInput, ErrorReport.Write(context, Error.New(1, "rows: missing")));
        Assert.Equal("ebm: error: rows: missing", err.ToString().TrimEnd());
    }

    [Fact]
    public void An_exceptional_error_is_internal_and_shows_its_stack_only_when_debugging()
    {
        var (quiet, quietErr) = Context(debug: false);
        Assert.Equal(ExitCodes.InternalError, ErrorReport.Write(quiet, Error.New(Thrown())));
        Assert.Contains("ebm: error: broken invariant", quietErr.ToString());
        Assert.DoesNotContain("   at ", quietErr.ToString());

        var (debug, debugErr) = Context(debug: true);
        Assert.Equal(ExitCodes.InternalError, ErrorReport.Write(debug, Error.New(Thrown())));
        Assert.Contains("   at ", debugErr.ToString());
    }

    [Fact]
    public void An_escaped_exception_is_internal_and_shows_its_stack_only_when_debugging()
    {
        var (quiet, quietErr) = Context(debug: false);
        Assert.Equal(ExitCodes.InternalError, ErrorReport.WriteInternal(quiet, Thrown()));
        Assert.StartsWith("ebm: error: internal error: broken invariant", quietErr.ToString());
        Assert.DoesNotContain("   at ", quietErr.ToString());

        var (debug, debugErr) = Context(debug: true);
        ErrorReport.WriteInternal(debug, Thrown());
        Assert.Contains("   at ", debugErr.ToString());
    }
}
