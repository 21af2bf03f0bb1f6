using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HaloNotebooks.Cli.Kernel;

/// <summary>
/// Completion for <c>complete_request</c>, from Roslyn's semantic model of the cell as the next submission of the
/// notebook's script (so variables of earlier cells, the globals' <c>display</c>, the usings and every referenced
/// assembly count): after <c>expr.</c> the accessible members of the expression's type (static ones after a type name,
/// extension methods included) or of a namespace; elsewhere every symbol in scope at the cursor, plus C# keywords.
/// Simpler than Roslyn's completion service (Microsoft.CodeAnalysis.Features): no snippets, no ranking, no
/// argument-aware lists — names that start with what was typed (case-insensitive), in alphabetical order.
/// </summary>
public static class CodeCompletion
{
    public sealed record Result(IReadOnlyList<string> Matches, int Start, int End);

    /// <param name="compilation">The script compilation whose last syntax tree is the cell.</param>
    /// <param name="position">The cursor as a UTF-16 offset in the cell's text.</param>
    public static Result Complete(Compilation compilation, int position)
    {
        var tree = compilation.SyntaxTrees.Last();
        var text = tree.GetText().ToString();
        position = Math.Clamp(position, 0, text.Length);
        int start = position;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        var prefix = text[start..position];
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();

        IEnumerable<string> names;
        if (start > 0 && text[start - 1] == '.')
        {
            var dot = root.FindToken(start - 1);
            names = dot.Parent switch
            {
                MemberAccessExpressionSyntax m => Members(model, m.Expression, start),
                QualifiedNameSyntax q => Members(model, q.Left, start),
                _ => [],
            };
        }
        else
        {
            names = model.LookupSymbols(start).Where(s => s.CanBeReferencedByName).Select(s => s.Name)
                .Concat(Keywords);
        }
        var matches = names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new Result(matches, start, position);
    }

    static IEnumerable<string> Members(SemanticModel model, ExpressionSyntax left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceOrTypeSymbol container && symbol is INamespaceSymbol or ITypeSymbol
            && left is not (InvocationExpressionSyntax or ElementAccessExpressionSyntax))
        {
            // A type name: its static members and nested types (a variable of the same name is a value; see below).
            var leftType = model.GetTypeInfo(left).Type;
            if (symbol is INamespaceSymbol || leftType is null || SymbolEqualityComparer.Default.Equals(leftType, symbol))
                return model.LookupStaticMembers(position, container).Where(s => s.CanBeReferencedByName).Select(s => s.Name);
        }
        var type = model.GetTypeInfo(left).Type;
        if (type is null) return [];
        return model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
            .Where(s => s.CanBeReferencedByName && !s.IsStatic).Select(s => s.Name);
    }

    static readonly string[] Keywords =
        [.. SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText)
            .Where(k => k.Length > 1 && char.IsLetter(k[0]) && !k.StartsWith("__", StringComparison.Ordinal))];

    /// <summary>Whether a cell is ready to run: <c>complete</c>, or <c>incomplete</c> (an unclosed brace, a statement missing its end) — for
    /// consoles that ask before sending Enter as "execute".</summary>
    public static string IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }
}
