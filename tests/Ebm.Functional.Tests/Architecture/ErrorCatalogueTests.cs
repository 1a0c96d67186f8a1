using System.Reflection;

namespace Ebm.Functional.Tests.Errors;

/// <summary>Every error catalogue of the library uses its own codes: a code names exactly one kind of error.</summary>
public sealed class ErrorCodeTests
{
    [Fact]
    public void No_two_error_catalogues_share_a_code()
    {
        var assemblies = new[] { typeof(Ebm.Functional.Models.ModelErrors).Assembly, typeof(Ebm.Functional.Shell.Io.AtomicFile).Assembly };
        var codes = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(int) && f.Name.EndsWith("Code", StringComparison.Ordinal))
                .Select(f => (Code: (int)f.GetRawConstantValue()!, Name: $"{t.Name}.{f.Name}")))
            .ToList();
        Assert.True(codes.Count > 20, $"found only {codes.Count} codes");
        var clashes = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.True(clashes.Count == 0, string.Join("; ", clashes));
    }
}
