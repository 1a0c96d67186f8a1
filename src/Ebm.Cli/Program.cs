using Ebm.Cli.Output;
using Ebm.Functional.Shell.Backends;

MatrixProductSetup.FromEnvironment();

using var signals = TerminationSignals.Listen(Console.Error);
return signals.ExitCode(Ebm.Cli.Cli.Run(args, Console.Out, Console.Error, signals.Token));
