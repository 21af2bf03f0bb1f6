namespace HaloNotebooks.Figures;

/// <summary>A figure could not be exported (Chromium absent, timed out, or produced no usable image).</summary>
public sealed class FigureExportException(string message, Exception? inner = null) : Exception(message, inner);
