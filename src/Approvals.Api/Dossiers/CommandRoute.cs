using Approvals.Application;

namespace Approvals.Api;

/// <summary>A command's route segment (<c>POST /api/dossiers/{id}/{Segment}</c>), its JSON body type and the roles that may send it.</summary>
public sealed record CommandRoute(string Segment, string Command, Type BodyType, IReadOnlyList<Role> Roles);
