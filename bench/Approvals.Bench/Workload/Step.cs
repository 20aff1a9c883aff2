using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Bench;

/// <summary>One command of the seed's walk: who sends it, when (Paris wall-clock date), and its API route and body.</summary>
public sealed record Step(Actor Actor, DossierCommand Command, DateOnly On, string Route, JsonObject Body)
{
    public string Name => Command.GetType().Name;
}
