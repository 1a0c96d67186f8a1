using Ebm.Cli.Output;

using var signals = TerminationSignals.Listen(Console.Error);
return signals.ExitCode(Ebm.Cli.Cli.Run(args, Console.Out, Console.Error, signals.Token));
