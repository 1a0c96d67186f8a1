using System.CommandLine;
using Ebm.Cli.Annealing;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm anneal MODEL.json|--maxcut FILE|--qubo FILE|--sk N|--ea L --schedule S --t0 T0 --t1 T1 --sweeps N --restarts R
/// [--kernel K] [--seed S] [--json] [--plot FILE.png] [--state FILE]</c>: simulated annealing toward the ground state.
/// </summary>
internal static class AnnealCommand
{
    /// <summary>Seed used when none is given; printed with every result.</summary>
    public const ulong DefaultSeed = 42;

    public static Command Create(CliContext context)
    {
        var model = new Argument<string?>("MODEL.json")
        {
            Description = "Model file (JSON) of binary units (ising, boltzmann-machine, bernoulli-rbm) or a potts or clock lattice (units 0..q-1) whose ground state is sought; or give --maxcut, --qubo, --sk or --ea instead.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var maxCut = new Option<string?>("--maxcut")
        {
            Description = "Weighted Max-Cut graph file: a header \"VERTICES EDGES\", then \"FROM TO [WEIGHT]\" per edge, vertices from 1 ('#' starts a comment).",
            HelpName = "FILE",
        };
        var qubo = new Option<string?>("--qubo")
        {
            Description = "QUBO file: the rows of a symmetric n x n matrix Q, one line each; minimises x^T Q x over x in {0,1}^n ('#' starts a comment).",
            HelpName = "FILE",
        };
        var sk = WholeOption.Create("--sk", "Generate a Sherrington-Kirkpatrick spin glass of N spins, J_ij ~ N(0, 1/N), from --instance-seed (0: none).", 0, "N");
        var ea = WholeOption.Create("--ea", "Generate an Edwards-Anderson spin glass on the L x L torus (--bonds), from --instance-seed (0: none).", 0, "L");
        var bonds = new Option<string>("--bonds")
        {
            Description = "Bonds of --ea: plus-minus (J = +1 or -1) or gaussian (J ~ N(0, 1)).",
            DefaultValueFactory = _ => "plus-minus",
            HelpName = "plus-minus|gaussian",
        }.OneOf(AnnealProblems.BondNames);
        var instanceSeed = WholeOption.Create("--instance-seed", "Seed of a generated --sk or --ea instance (separate from --seed, so one instance can be annealed with many seeds).", 1UL, "N");
        var schedule = new Option<string>("--schedule")
        {
            Description = "Cooling from T0 to T1: geometric T0 (T1/T0)^u, linear, exponential (relaxing toward T1) or logarithmic c / ln(k + d) (Geman and Geman), u = k/(K-1).",
            DefaultValueFactory = _ => "geometric",
            HelpName = string.Join('|', CoolingSchedule.Shapes),
        }.OneOf([.. CoolingSchedule.Shapes]);
        var t0 = RealOption.Optional("--t0",
            "Start temperature; default the model's coupling scale, 2 sqrt(max_i sum_j W_ij^2 + b_i^2) for spins (no 2 for 0/1 units), " +
            "sqrt(c (4 J^2 + h^2)) for a potts (c = 2/q) or clock (c = q/(q-1), 4 for q = 2) lattice.", "T0");
        var t1 = RealOption.Optional("--t1", $"Final temperature, 0 < T1 <= T0; default T0 / {AnnealRun.CoolingRatio}.", "T1");
        var sweeps = WholeOption.Create("--sweeps", "Sweeps per cooling cycle (a sweep: one update per unit).", 1000, "N");
        var cycles = WholeOption.Create("--cycles", "Cooling cycles per restart: after each, reheat to T0 and cool again, keeping the best state.", 1, "C");
        var restarts = WholeOption.Create("--restarts", "Independent restarts from random states, run in parallel; the result is the same for any thread count.", 16, "R");
        var kernel = new Option<string>("--kernel")
        {
            Description = "Kernel at each temperature: metropolis (single-site; on potts and clock a uniformly drawn other value), gibbs (random-scan single-site heat bath; on potts and clock a value drawn from its conditional) " +
                          "or checkerboard (ising lattices; the heat bath of potts and clock lattices); auto: checkerboard for ising, potts and clock, else metropolis.",
            DefaultValueFactory = _ => "auto",
            HelpName = string.Join('|', AnnealRun.Kernels),
        }.OneOf(AnnealRun.Kernels);
        var seed = WholeOption.Create("--seed", "Seed of every random number of the run (starting states included); printed with the result.", DefaultSeed, "S");
        var json = CommonOptions.Json("the result (seed, problem, dimension, levels, kernel, schedule, t0, t1, sweeps, restarts, bestEnergy, bestState, restartBestEnergies, " +
                                      "cutValue or quboObjective, groundEnergy, groundStates, successes, successProbability, successProbabilityError, sweepsToSolution, cost)");
        var plot = new OutputOption("--plot", OutputFormat.Png)
        {
            Description = "Also draw energy against sweep for every restart, the lowest so far and the exact ground state when known, into this PNG file.",
            HelpName = "FILE.png",
        };
        var state = new OutputOption("--state", OutputFormat.Any)
        {
            Description = "Also write the best state to this text file: a '#' line naming the run, then the units separated by spaces.",
            HelpName = "FILE",
        };
        var force = CommonOptions.Force();

        var command = new Command("anneal",
            "Simulated annealing toward the ground state: a kernel run once per sweep at falling temperatures, the lowest-energy state kept, " +
            "over parallel restarts; with the exact ground state by enumeration (up to 24 binary units, or q^N <= 2^24 states of a potts or clock lattice), " +
            "the success probability and time to solution.")
        {
            model, maxCut, qubo, sk, ea, bonds, instanceSeed, schedule, t0, t1, sweeps, cycles, restarts, kernel, seed, json, plot, state, force,
        };
        command.SetAction(parse =>
        {
            var files = CommandFiles.Check(context, parse,
                ("MODEL.json", parse.GetValue(model)), ("--maxcut", parse.GetValue(maxCut)), ("--qubo", parse.GetValue(qubo)));
            if (files.IsFail) return ErrorReport.Write(context, (Error)files);
            var outputs = (RunOutputs)files.Case;
            return AnnealRun.Run(context, new AnnealRequest(
                parse.GetValue(model),
                parse.GetValue(maxCut),
                parse.GetValue(qubo),
                parse.GetValue(sk),
                parse.GetValue(ea),
                parse.GetRequiredValue(bonds),
                parse.GetValue(instanceSeed),
                parse.GetRequiredValue(schedule),
                parse.GetValue(t0),
                parse.GetValue(t1),
                parse.GetValue(sweeps),
                parse.GetValue(cycles),
                parse.GetValue(restarts),
                parse.GetRequiredValue(kernel),
                parse.GetValue(seed),
                parse.GetValue(json),
                outputs.For(plot),
                outputs.For(state),
                parse.GetValue(force)));
        });
        return command;
    }
}
