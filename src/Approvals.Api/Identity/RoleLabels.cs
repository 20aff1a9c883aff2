using Approvals.Application;

namespace Approvals.Api;

public static class RoleLabels
{
    public static string Of(Role role) => role switch
    {
        Role.CaseOfficer => "agent instructeur",
        Role.Secretariat => "secrétariat des assemblées",
        Role.Finance => "service des finances",
        Role.Reader => "lecteur",
        Role.Administrator => "administrateur",
        _ => "système",
    };
}
