return Ebm.Cli.Cli.Run(args, Console.Out, Console.Error);
