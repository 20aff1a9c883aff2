using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Api;

/// <summary>
/// A command's route (<c>POST /api/dossiers/{id}/{Segment}</c>): its record type <paramref name="Command"/>, the JSON
/// body type bound for it and the roles that may send it. Built with <see cref="Of{TCommand}"/>, so that the command
/// is a type the compiler checks, not a name.
/// </summary>
public sealed record CommandRoute(string Segment, Type Command, Type BodyType, IReadOnlyList<Role> Roles)
{
    /// <summary>The command's name: the endpoint's and the Function's name, and the register's.</summary>
    public string Name => Command.Name;

    /// <summary>The French label of the action (the OpenAPI summary and the pages' button).</summary>
    public string Label => CommandLabels.Of(Name);

    /// <summary>The route of a command whose body is the command itself.</summary>
    public static CommandRoute Of<TCommand>(string segment, params Role[] roles)
        where TCommand : DossierCommand => new(segment, typeof(TCommand), typeof(TCommand), roles);

    /// <summary>The route of a command whose body the server completes (<typeparamref name="TBody"/>, as the vote's credits).</summary>
    public static CommandRoute Of<TCommand, TBody>(string segment, params Role[] roles)
        where TCommand : DossierCommand => new(segment, typeof(TCommand), typeof(TBody), roles);
}
