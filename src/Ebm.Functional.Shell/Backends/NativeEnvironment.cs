using System.Runtime.InteropServices;

namespace Ebm.Functional.Shell.Backends;

/// <summary>
/// The C library's own environment, which native libraries such as OpenBLAS read when they load; .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it on Unix.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless it is set already; false where the C library has no setenv or it fails.</summary>
    public static bool TrySetIfUnset(string name, string value)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try
        {
            return SetEnvironment(name, value, 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
