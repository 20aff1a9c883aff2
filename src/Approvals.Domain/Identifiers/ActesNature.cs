namespace Approvals.Domain;

/// <summary>The ACTES nature code of a transmitted act.</summary>
public enum ActesNature
{
    /// <summary>Délibération.</summary>
    DE,

    /// <summary>Arrêté individuel.</summary>
    AI,

    /// <summary>Arrêté réglementaire.</summary>
    AR,

    /// <summary>Contrat, convention.</summary>
    CC,

    /// <summary>Document budgétaire.</summary>
    BF,

    /// <summary>Autre.</summary>
    AU,
}
