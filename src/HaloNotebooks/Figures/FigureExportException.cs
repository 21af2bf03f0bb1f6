namespace HaloNotebooks.Figures;

/// <summary>A figure could not be exported (Chromium absent, timed out, or produced no usable image).</summary>
internal sealed class FigureExportException(string message, Exception? inner = null) : Exception(message, inner);
