namespace Ebm.Cli.Output;

/// <summary>The exit codes of <c>ebm</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug): the message is printed, the stack trace only with EBM_DEBUG=1.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a bad model file, a bad option value, or an exact method that does not apply or a model too large for one.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Cancelled by Ctrl-C (SIGINT; 128 + 2, the shell's convention): the work stopped and no temporary or partial
    /// output file was left. SIGTERM, SIGHUP and SIGQUIT give 128 + their number (143, 129, 131).
    /// </summary>
    public const int Cancelled = 130;
}
