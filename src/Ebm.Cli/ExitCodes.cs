namespace Ebm.Cli;

/// <summary>The exit codes of <c>ebm</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug): the message is printed, the stack trace only with EBM_DEBUG=1.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a bad model file, a bad option value, or an exact method that does not apply or a model too large for one.</summary>
    public const int BadInput = 2;
}
