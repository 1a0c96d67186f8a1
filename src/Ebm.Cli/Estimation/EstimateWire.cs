using Ebm.Cli.Output;
using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// A log Z estimate on the wire between a client and its workers: every double as its 64 bits, vectors as base64 of
/// their bytes, the estimator's own warnings (the checks <see cref="LogZEstimate.Warnings"/> adds follow from the numbers
/// again), and the parts. An estimate read back equals the one written, bit for bit.
/// </summary>
internal sealed record EstimateWire(
    string Method, long Beta, long LogZ, long StandardError, ErrorSource ErrorSource, long Ess, long MaxNormalisedWeight, int Samples,
    long EnergyEvaluations, string[][] Warnings, string LogWeights, string TracePoints, string TraceLogZ, EstimateWire[] Parts, long ParetoK, int Steps)
{
    public static EstimateWire Of(LogZEstimate e) => new(
        e.Method, Bits(e.Beta), Bits(e.LogZ), Bits(e.StandardError), e.ErrorSource, Bits(e.Ess), Bits(e.MaxNormalisedWeight), e.Samples,
        e.EnergyEvaluations, e.EstimatorWarnings.Map(w => new[] { w.Code, w.Message }).ToArray(), Bytes(e.LogWeights), Bytes(e.Trace.Points),
        Bytes(e.Trace.LogZ), e.Parts.Map(Of).ToArray(), Bits(e.ParetoK), e.Steps);

    /// <summary>The estimate, or an error when a vector or a warning does not decode.</summary>
    public Fin<LogZEstimate> ToEstimate()
    {
        try
        {
            return Parts.Select(p => p.ToEstimate()).ToSeq().Sequence().Map(parts =>
                new LogZEstimate(Method, Double(Beta), Double(LogZ), Double(StandardError), ErrorSource, Double(Ess), Double(MaxNormalisedWeight), Samples,
                    EnergyEvaluations, Warnings.Select(w => new EstimateWarning(w[0], w[1])).ToSeq())
                {
                    LogWeights = Doubles(LogWeights),
                    Trace = new EstimateTrace(Doubles(TracePoints), Doubles(TraceLogZ)),
                    Parts = parts,
                    ParetoK = Double(ParetoK),
                    Steps = Steps,
                });
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            return FinFail<LogZEstimate>(Ebm.Functional.Shell.Execution.ExecutionErrors.BadMessage("an estimate", e.Message));
        }
    }

    public static long Bits(double value) => WireDoubles.Bits(value);

    public static double Double(long bits) => WireDoubles.Double(bits);

    public static string Bytes(Vec v) => WireDoubles.Text(v.Span);

    public static Vec Doubles(string text) => Vec.Of(WireDoubles.Read(text));
}
