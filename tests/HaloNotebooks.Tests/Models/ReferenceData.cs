using Xunit;
using System.Globalization;
using System.Text.Json;
using HaloNotebooks.Models;

namespace HaloNotebooks.Tests.Models;

/// <summary>The emcee reference fixtures (shared/reference, copied to Fixtures/reference).</summary>
internal static class ReferenceData
{
    static readonly Lazy<KinematicSample> mixture = new(() =>
    {
        var c = ReadCsv(TestPaths.Fixture("reference/mixture_mock.csv"));
        return new KinematicSample(c["V_r"], c["V_phi"], c["V_theta"], c["feh"], c["err_V_r"], c["err_V_phi"], c["err_V_theta"], c["err_feh"]);
    });
    static readonly Lazy<RadialVelocitySample> dipole = new(() =>
    {
        var c = ReadCsv(TestPaths.Fixture("reference/dipole_mock.csv"));
        return new RadialVelocitySample(c["l"], c["b"], c["V_r"], c["err_V_r"]);
    });

    public static KinematicSample Mixture => mixture.Value;
    public static RadialVelocitySample Dipole => dipole.Value;
    public static JsonElement MixtureJson { get; } = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("reference/mixture_emcee.json"))).RootElement;
    public static JsonElement DipoleJson { get; } = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("reference/dipole_emcee.json"))).RootElement;

    /// <summary>The reference's two-component names → ours.</summary>
    public static string OurMixtureName(string reference)
    {
        string suffix = reference.EndsWith("_MR") ? "_mr" : reference.EndsWith("_MP") ? "_mp" : "";
        string stem = suffix.Length > 0 ? reference[..^3] : reference;
        string ours = stem switch
        {
            "p" => "p_mr", "mu_r" => "vr", "mu_phi" => "vphi", "mu_theta" => "vtheta", "mu_feh" => "feh_mean",
            "sig_r" => "sigma_r", "sig_phi" => "sigma_phi", "sig_theta" => "sigma_theta", "sig_feh" => "feh_sigma",
            _ => throw new ArgumentException(reference),
        };
        return ours == "p_mr" ? ours : ours + suffix;
    }

    /// <summary>A parameter vector in our order from a reference "params" object.</summary>
    public static double[] Vector(JsonElement parameters, IReadOnlyList<string> ourNames, Func<string, string> toOurs)
    {
        var v = new double[ourNames.Count];
        foreach (var p in parameters.EnumerateObject())
            v[IndexOf(ourNames, toOurs(p.Name))] = p.Value.GetDouble();
        return v;
    }

    static int IndexOf(IReadOnlyList<string> names, string n)
    {
        for (int i = 0; i < names.Count; i++) if (names[i] == n) return i;
        throw new ArgumentException(n);
    }

    static Dictionary<string, double[]> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var cols = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int r = 1; r < lines.Length; r++)
        {
            var f = lines[r].Split(',');
            for (int c = 0; c < header.Length; c++) cols[c][r - 1] = double.Parse(f[c], CultureInfo.InvariantCulture);
        }
        return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => cols[x.i]);
    }
}
