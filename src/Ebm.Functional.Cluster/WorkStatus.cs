namespace Ebm.Functional.Cluster;

/// <summary>How a worker answered a block.</summary>
public enum WorkStatus
{
    /// <summary>The block ran; the payload is its encoded result.</summary>
    Done,

    /// <summary>The block ran into an error of its own (the same on any worker); the message says which.</summary>
    Failed,

    /// <summary>The worker runs another protocol or library version and did not run the block.</summary>
    Refused,
}
