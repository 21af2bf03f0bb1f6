using HaloNotebooks.Selection;
using C = HaloNotebooks.Catalogs.CanonicalColumns;

namespace HaloNotebooks.Models;

/// <summary>The columns of a selected sample (§2.3) that the models' likelihoods read: Selection hands its sample over,
/// the models pick what they need.</summary>
public static class SelectedSampleColumns
{
    /// <summary>What the single- and double-component fits use (Eqs. 1–4); err_feh is the catalogue's feh_err.</summary>
    public static KinematicSample ToKinematicSample(this HaloSample sample) => new(
        sample.Stars.GetDouble(C.VR), sample.Stars.GetDouble(C.VPhi), sample.Stars.GetDouble(C.VTheta), sample.Stars.GetDouble(C.Feh),
        sample.Stars.GetDouble(C.ErrVR), sample.Stars.GetDouble(C.ErrVPhi), sample.Stars.GetDouble(C.ErrVTheta), sample.Stars.GetDouble(C.FehErr));

    /// <summary>What the dipole + contraction fit uses (Eqs. 5–6): Galactic l, b and V_r ± δV_r.</summary>
    public static RadialVelocitySample ToRadialVelocitySample(this HaloSample sample) => new(
        sample.Stars.GetDouble(C.L), sample.Stars.GetDouble(C.B), sample.Stars.GetDouble(C.VR), sample.Stars.GetDouble(C.ErrVR));
}
