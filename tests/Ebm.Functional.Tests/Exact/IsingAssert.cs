namespace Ebm.Functional.Tests.Exact;

/// <summary>Tolerance checks for the exact Ising tests: relative, with an absolute floor for quantities that vanish.</summary>
internal static class IsingAssert
{
    public static void Close(double expected, double actual, double relative, double absolute, string what = "")
    {
        var error = Math.Abs(actual - expected);
        var allowed = relative * Math.Abs(expected) + absolute;
        Assert.True(error <= allowed, $"{what} expected {expected:R}, got {actual:R} (error {error:E2}, allowed {allowed:E2})");
    }
}
