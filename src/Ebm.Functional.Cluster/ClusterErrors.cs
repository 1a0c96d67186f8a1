using LanguageExt.Common;

namespace Ebm.Functional.Cluster;

/// <summary>Errors of running on a cluster: addresses, connections, workers and their versions (codes 3851-3899).</summary>
public static class ClusterErrors
{
    /// <summary>Code of <see cref="BadAddress"/>.</summary>
    public const int BadAddressCode = 3851;

    /// <summary>Code of <see cref="Unreachable"/>.</summary>
    public const int UnreachableCode = 3852;

    /// <summary>Code of <see cref="NoWorkers"/>.</summary>
    public const int NoWorkersCode = 3853;

    /// <summary>Code of <see cref="VersionMismatch"/>.</summary>
    public const int VersionMismatchCode = 3854;

    /// <summary>Code of <see cref="WorkersLost"/>.</summary>
    public const int WorkersLostCode = 3855;

    /// <summary>Code of <see cref="BadName"/>.</summary>
    public const int BadNameCode = 3856;

    /// <summary>Code of <see cref="WorkerStart"/>.</summary>
    public const int WorkerStartCode = 3857;

    /// <summary>Code of <see cref="BlockLost"/>.</summary>
    public const int BlockLostCode = 3858;

    /// <summary>An address that is not HOST:PORT with a port in 1..65535.</summary>
    /// <param name="option">The option or field that gave it.</param>
    /// <param name="text">The text given.</param>
    /// <param name="reason">What is wrong with it.</param>
    public static Error BadAddress(string option, string text, string reason) =>
        Error.New(BadAddressCode, $"{option}: \"{text}\" is not HOST:PORT: {reason}");

    /// <summary>A cluster whose gateway did not answer in time.</summary>
    /// <param name="address">The gateway tried.</param>
    /// <param name="name">The cluster's name the client gave.</param>
    /// <param name="seconds">How long it was tried.</param>
    /// <param name="reason">The last failure seen.</param>
    public static Error Unreachable(string address, string name, double seconds, string reason) =>
        Error.New(UnreachableCode,
            $"--cluster: no worker of cluster \"{name}\" answered at {address} within {seconds:0.#} s ({reason}); start one with " +
            $"`ebm worker --cluster {name}`, or give the running cluster's name with --cluster-name");

    /// <summary>A worker that could not start (its port taken, its address not this machine's).</summary>
    /// <param name="address">The address it tried to listen on.</param>
    /// <param name="reason">Why it did not start.</param>
    public static Error WorkerStart(string address, string reason) =>
        Error.New(WorkerStartCode, $"ebm worker: could not listen on {address}: {reason}");

    /// <summary>A cluster that answered but has no active worker.</summary>
    /// <param name="address">The gateway.</param>
    public static Error NoWorkers(string address) =>
        Error.New(NoWorkersCode, $"--cluster: the cluster at {address} has no active worker");

    /// <summary>A worker of another protocol or library version.</summary>
    /// <param name="worker">The worker's address.</param>
    /// <param name="workerVersion">The worker's library version.</param>
    /// <param name="workerProtocol">The worker's protocol.</param>
    /// <param name="clientVersion">This process's library version.</param>
    /// <param name="clientProtocol">This process's protocol.</param>
    public static Error VersionMismatch(string worker, string workerVersion, int workerProtocol, string clientVersion, int clientProtocol) =>
        Error.New(VersionMismatchCode,
            $"--cluster: worker {worker} runs Ebm.Functional {workerVersion} (protocol {workerProtocol}) but this ebm is {clientVersion} (protocol {clientProtocol}); " +
            "run the same version on every machine");

    /// <summary>A run whose every worker left before its blocks were done.</summary>
    /// <param name="address">The gateway.</param>
    /// <param name="done">Blocks finished.</param>
    /// <param name="total">Blocks in the run.</param>
    /// <param name="reason">The last failure seen.</param>
    public static Error WorkersLost(string address, int done, int total, string reason) =>
        Error.New(WorkersLostCode, $"--cluster: every worker of the cluster at {address} is gone, with {done} of {total} blocks done ({reason})");

    /// <summary>A cluster name that is empty or holds characters other than letters, digits, '-', '_' and '.'.</summary>
    /// <param name="option">The option that gave it.</param>
    /// <param name="name">The name given.</param>
    public static Error BadName(string option, string name) =>
        Error.New(BadNameCode, $"{option}: \"{name}\" is not a cluster name (1 to 64 letters, digits, '-', '_' or '.')");

    /// <summary>
    /// A stateful block whose state is gone: its worker left the cluster, or its grain was opened afresh elsewhere. The
    /// executor then runs the whole run again from its inputs on the workers that remain.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="reason">What was seen.</param>
    public static Error BlockLost(int block, string reason) =>
        Error.New(BlockLostCode, $"--cluster: block {block} lost its state ({reason})");
}
