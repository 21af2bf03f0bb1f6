namespace HaloNotebooks.Paper;

/// <summary>
/// One value column of Tables 1–3: the parameter key (`halo fit` JSON name, without the _mr/_mp suffix in Table 2),
/// the column name in the CSV copies of the paper's tables, the header as the paper prints it, and the decimals shown.
/// </summary>
internal sealed record TableColumn(string Key, string CsvName, string Html, string Latex, int Decimals)
{
    const string Kms = "km s<sup>&minus;1</sup>", KmsTex = "km s$^{-1}$";

    static TableColumn Velocity(string key, string csv, string html, string tex) => new(key, csv, $"{html} [{Kms}]", $"{tex} [{KmsTex}]", 1);

    internal static readonly TableColumn[] Kinematics =
    [
        Velocity("vr", "Vr", "&lang;V<sub>r</sub>&rang;", @"$\langle V_r \rangle$"),
        Velocity("vphi", "Vphi", "&lang;V<sub>&phi;</sub>&rang;", @"$\langle V_\phi \rangle$"),
        Velocity("vtheta", "Vtheta", "&lang;V<sub>&theta;</sub>&rang;", @"$\langle V_\theta \rangle$"),
        Velocity("sigma_r", "sigma_r", "&sigma;<sub>r</sub>", @"$\sigma_r$"),
        Velocity("sigma_phi", "sigma_phi", "&sigma;<sub>&phi;</sub>", @"$\sigma_\phi$"),
        Velocity("sigma_theta", "sigma_theta", "&sigma;<sub>&theta;</sub>", @"$\sigma_\theta$"),
        new("feh_mean", "feh_mean", "&mu;<sub>[Fe/H]</sub> [dex]", @"$\mu_{\rm [Fe/H]}$ [dex]", 3),
        new("feh_sigma", "feh_sigma", "&sigma;<sub>[Fe/H]</sub> [dex]", @"$\sigma_{\rm [Fe/H]}$ [dex]", 3),
        new("beta", "beta", "&beta;", @"$\beta$", 3),
    ];

    internal static readonly TableColumn PMetalRich = new("p_mr", "p_mr", "p<sub>MR</sub>", @"$p_{\rm MR}$", 3);

    internal static readonly TableColumn[] Dipole =
    [
        Velocity("mu_compr", "mu_compr", "&mu;<sub>compr</sub>", @"$\mu_{\rm compr}$"),
        Velocity("mu_dipole", "mu_dipole", "&mu;<sub>dipole</sub>", @"$\mu_{\rm dipole}$"),
        new("l_apex", "l_apex_deg", "l<sub>apex</sub> [deg]", @"$l_{\rm apex}$ [deg]", 1),
        new("b_apex", "b_apex_deg", "b<sub>apex</sub> [deg]", @"$b_{\rm apex}$ [deg]", 1),
        Velocity("sigma_r", "sigma_r", "&sigma;<sub>r</sub>", @"$\sigma_r$"),
    ];
}
