namespace Ebm.Functional.Numerics;

/// <summary>OpenBLAS's thread count, and the one-thread scopes of kernels that cut their products into pieces.</summary>
public sealed unsafe partial class OpenBlasGemm
{
    /// <summary>Guards the switch between products on OpenBLAS's threads and one-thread scopes (see <see cref="UseOneThread"/>).</summary>
    private readonly object _modeGate = new();
    private int _oneThreadScopes;
    private int _productsInFlight;
    private int _threadsBefore;

    [ThreadStatic]
    private static int _scopesOnThisThread;

    /// <summary>The number of threads OpenBLAS runs a product on now (<c>openblas_get_num_threads</c>); null if unreported.</summary>
    public int? Threads => _getThreads is null ? null : _getThreads();

    /// <summary>
    /// Runs OpenBLAS on one thread until the returned scope is disposed, for a kernel that cuts its products into pieces run
    /// on its own threads (<see cref="GemmPieces"/>): OpenBLAS's idle workers, which spin for a while after each product,
    /// would otherwise compete with the kernel's per-row work for the same cores. Scopes nest and may overlap across
    /// threads; the thread count seen before the first opens is restored when the last closes.
    /// </summary>
    /// <remarks>The thread count is a process-wide setting (<c>openblas_set_num_threads</c>) and OpenBLAS may round
    /// differently on one thread, so a product from another thread never runs under it: <see cref="Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int)"/>
    /// waits while a scope is open elsewhere, and a scope waits for the products in flight. The thread that opened a
    /// scope may still call the products itself (they then run on one thread). Does nothing when the library lacks the
    /// entry points.</remarks>
    public IDisposable UseOneThread()
    {
        if (_setThreads is null || _getThreads is null) return NoScope.Instance;
        lock (_modeGate)
        {
            while (_productsInFlight > 0) Monitor.Wait(_modeGate);
            if (_oneThreadScopes++ == 0)
            {
                _threadsBefore = _getThreads();
                if (_threadsBefore != 1) _setThreads(1);
            }
        }

        _scopesOnThisThread++;
        return new OneThreadScope(this);
    }

    private void CloseOneThread()
    {
        _scopesOnThisThread--;
        lock (_modeGate)
        {
            if (--_oneThreadScopes > 0) return;
            if (_threadsBefore != 1) _setThreads(_threadsBefore);
            Monitor.PulseAll(_modeGate);
        }
    }

    /// <summary>
    /// The thread count OpenBLAS is configured with: the count now, or, while a one-thread scope is open, the count it had
    /// before (and will have again); null if unreported. For descriptions, which must not change while a kernel runs.
    /// </summary>
    public int? ConfiguredThreads
    {
        get
        {
            if (_getThreads is null) return null;
            lock (_modeGate) return _oneThreadScopes > 0 ? _threadsBefore : _getThreads();
        }
    }

    /// <summary>
    /// Waits while another thread's one-thread scope is open, then counts this product in flight until the ticket is
    /// disposed (not counted on a thread that holds a scope itself, or when the thread count cannot be set).
    /// </summary>
    private ProductTicket EnterProduct()
    {
        if (_setThreads is null || _scopesOnThisThread > 0) return default;
        lock (_modeGate)
        {
            while (_oneThreadScopes > 0) Monitor.Wait(_modeGate);
            _productsInFlight++;
        }

        return new ProductTicket(this);
    }

    private void LeaveProduct()
    {
        lock (_modeGate)
        {
            if (--_productsInFlight == 0) Monitor.PulseAll(_modeGate);
        }
    }

    /// <summary>A product counted in flight (see <see cref="EnterProduct"/>); the default ticket counts nothing.</summary>
    private readonly struct ProductTicket(OpenBlasGemm? owner) : IDisposable
    {
        public void Dispose() => owner?.LeaveProduct();
    }

    private sealed class OneThreadScope(OpenBlasGemm owner) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) owner.CloseOneThread();
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
