using System.ComponentModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// How a Jupyter interrupt stops a running cell. .NET cannot abort a thread, so the kernel makes the cell's own loops
/// cancellable: before the cell compiles, every <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> body in it starts
/// with a call to <see cref="Check"/>, which throws once the cell's interrupt is requested (inserted on the same line,
/// so line numbers in errors do not move). A cell busy inside a library call cannot be stopped that way: after
/// <see cref="Grace"/> the kernel answers, the call finishes in the background, and the next cell runs from the state
/// before the interrupted one.
/// </summary>
public static class CellInterrupt
{
    static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>How long an interrupted cell gets to reach a loop check before the kernel gives up waiting for it.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Called by instrumented loops; throws <see cref="OperationCanceledException"/> once the running cell is interrupted.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Check() => Current.Value.ThrowIfCancellationRequested();

    /// <summary>The token <see cref="Check"/> reads in this flow (and the tasks started in it) until disposed.</summary>
    internal static IDisposable Begin(CancellationToken token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Scope(previous);
    }

    sealed class Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    /// <summary>Waits for the cell; false when it timed out or was interrupted and did not stop within <see cref="Grace"/>.</summary>
    internal static bool Wait(Task task, TimeSpan? timeout, CancellationToken interrupt)
    {
        try
        {
            return task.Wait(timeout is { } t ? (int)Math.Min(t.TotalMilliseconds, int.MaxValue) : Timeout.Infinite, interrupt);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            try { return task.Wait(Grace); }
            catch (AggregateException) { return true; }
        }
        catch (AggregateException) { return true; }   // the script's own exceptions are read from its state by the caller
    }

    /// <summary>The cell with a <see cref="Check"/> at the top of every loop body; unchanged when it does not parse (its errors are then reported
    /// at the columns the user wrote).</summary>
    internal static string Instrument(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return code;
        var root = tree.GetRoot();
        var rewritten = new LoopRewriter().Visit(root);
        return ReferenceEquals(rewritten, root) ? code : rewritten.ToFullString();
    }

    sealed class LoopRewriter : CSharpSyntaxRewriter
    {
        static StatementSyntax NewCheck() =>
            SyntaxFactory.ParseStatement("global::HaloNotebooks.Cli.Kernel.CellInterrupt.Check();").WithTrailingTrivia(SyntaxFactory.Space);

        static StatementSyntax WithCheck(StatementSyntax body) => body is BlockSyntax block
            ? block.WithStatements(block.Statements.Insert(0, NewCheck()))
            : SyntaxFactory.Block(NewCheck(), body);

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
        {
            var n = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
            return n.WithStatement(WithCheck(n.Statement));
        }

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
        {
            var n = (DoStatementSyntax)base.VisitDoStatement(node)!;
            return n.WithStatement(WithCheck(n.Statement));
        }

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
        {
            var n = (ForStatementSyntax)base.VisitForStatement(node)!;
            return n.WithStatement(WithCheck(n.Statement));
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var n = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            return n.WithStatement(WithCheck(n.Statement));
        }

        public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            var n = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
            return n.WithStatement(WithCheck(n.Statement));
        }
    }
}
