namespace Approvals.Application;

/// <summary>
/// The service in charge of portal requests as the acknowledgment must name it (CRPA art. R112-11-1, 2°: its
/// designation, its postal or electronic address and its telephone number), and the court that hears remedies.
/// </summary>
public sealed record PortalService(string Name, string PostalAddress, string Email, string Phone, string Court)
{
    public static PortalService Example { get; } = new(
        "Service des subventions aux associations", "4 rue Gabriel Plançon, 25043 Besançon Cedex", "subventions@collectivite.example.fr",
        "03 81 65 07 00", "tribunal administratif de Besançon");
}
