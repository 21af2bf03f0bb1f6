namespace HaloNotebooks.Figures;

/// <summary>
/// Axis labels, with units, for the parameter names of `halo fit`: single vr … feh_sigma, beta;
/// double the same with _mr / _mp plus p_mr; dipole mu_compr, mu_dipole, sigma_r, l_apex, b_apex.
/// Written in plotly's text markup (sub/superscripts), as the paper's figures label them.
/// </summary>
internal static class ParameterLabels
{
    internal const string KmPerS = "km s<sup>−1</sup>";

    /// <summary>"vr" → "⟨V<sub>r</sub>⟩ [km s⁻¹]", "sigma_phi_mp" → "σ<sub>φ</sub><sup>MP</sup> [km s⁻¹]", "p_mr" → "p<sub>MR</sub>".</summary>
    internal static string For(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        string component = "";
        string name = parameter;
        if (parameter != "p_mr" && (parameter.EndsWith("_mr", StringComparison.Ordinal) || parameter.EndsWith("_mp", StringComparison.Ordinal)))
        {
            component = parameter[^2..].ToUpperInvariant();
            name = parameter[..^3];
        }
        string Sup(string s) => component.Length > 0 ? $"{s}<sup>{component}</sup>" : s;
        return name switch
        {
            "vr" => $"⟨{Sup("V<sub>r</sub>")}⟩ [{KmPerS}]",
            "vphi" => $"⟨{Sup("V<sub>φ</sub>")}⟩ [{KmPerS}]",
            "vtheta" => $"⟨{Sup("V<sub>θ</sub>")}⟩ [{KmPerS}]",
            "sigma_r" => $"{Sup("σ<sub>r</sub>")} [{KmPerS}]",
            "sigma_phi" => $"{Sup("σ<sub>φ</sub>")} [{KmPerS}]",
            "sigma_theta" => $"{Sup("σ<sub>θ</sub>")} [{KmPerS}]",
            "feh_mean" => $"{Sup("μ<sub>[Fe/H]</sub>")} [dex]",
            "feh_sigma" => $"{Sup("σ<sub>[Fe/H]</sub>")} [dex]",
            "beta" => Sup("β"),
            "p_mr" => "p<sub>MR</sub>",
            "mu_compr" => $"μ<sub>compr</sub> [{KmPerS}]",
            "mu_dipole" => $"μ<sub>dipole</sub> [{KmPerS}]",
            "l_apex" => "l<sub>apex</sub> [deg]",
            "b_apex" => "b<sub>apex</sub> [deg]",
            _ => parameter,
        };
    }

    internal static IReadOnlyList<string> For(IEnumerable<string> parameters) => parameters.Select(For).ToList();
}
