namespace HaloNotebooks.Numerics;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls <paramref name="report"/> on the reporting thread, in order: the one
/// progress adapter of the library and the command. System.Progress&lt;T&gt; would post each report to the
/// synchronisation context captured when it was made (the thread pool in a console), so reports could arrive late
/// and out of order.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}
