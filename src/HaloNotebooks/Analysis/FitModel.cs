using HaloNotebooks.Models;

namespace HaloNotebooks.Analysis;

/// <summary>
/// The paper's three fitted models: the single-component Gaussian (§3.1, Table 1), the two-component mixture
/// (§3.1, Table 2) and the dipole + contraction field of V_r (§3.2, Eq. 6, Table 3). Prints as the word `halo fit
/// --model` takes and the JSON writes ("single", "double", "dipole").
/// </summary>
public sealed class FitModel
{
    FitModel(string name) => Name = name;

    public static FitModel Single { get; } = new("single");
    public static FitModel Double { get; } = new("double");
    public static FitModel Dipole { get; } = new("dipole");

    /// <summary>Single, Double, Dipole.</summary>
    public static IReadOnlyList<FitModel> All { get; } = [Single, Double, Dipole];

    /// <summary>"single", "double" or "dipole": the command line's word and <see cref="Inference.FitResult.Model"/>.</summary>
    public string Name { get; }

    /// <summary>§3.2: the dipole fits line-of-sight velocities alone; the other two fit (V_r, V_φ, V_θ, [Fe/H]).</summary>
    internal bool FitsRadialVelocity => this == Dipole;

    /// <summary>The sampled parameters in `halo fit`'s names (Eqs. 1–4, 6).</summary>
    public IReadOnlyList<string> ParameterNames =>
        this == Single ? SingleComponent.ParameterNames : this == Double ? TwoComponent.ParameterNames : DipoleField.ParameterNames;

    /// <summary>The model of this name; a one-line error naming the three otherwise.</summary>
    internal static FitModel Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"model must be single, double or dipole, got '{name}'");

    public override string ToString() => Name;
}
