using Ebm.Functional.Estimation;
using LanguageExt;

namespace Ebm.Cli.Estimation;

/// <summary>One row of <c>ebm logz --compare</c>: the estimator, its estimate or why it did not run, and its time.</summary>
internal sealed record CompareRow(string Method, Fin<LogZEstimate> Estimate, double Seconds);
