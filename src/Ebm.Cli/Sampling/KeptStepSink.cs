using Ebm.Functional.Numerics;

namespace Ebm.Cli.Sampling;

/// <summary>Receives each kept step as it is produced: its index (from 0), the chains' energies and their states (chains x d).</summary>
internal delegate void KeptStepSink(int step, Vec energies, Mat states);
