namespace Approvals.Domain.Tests;

using static DossierCommand;
using static DossierEvent;
using static SeedDossier;

/// <summary>A request for documents and its answer (CRPA L114-5): who asks what, the answer once everything is there, the silence's period.</summary>
public class DocumentsRequestTests
{
    private static readonly RequestDocuments Ask = new([DocumentKind.BankDetails], "Merci de joindre un RIB au nom de l'association.");

    private static AttachDocument Rib(string sha) => new($"doc-{sha[0]}", DocumentKind.BankDetails, "rib.pdf", "application/pdf", 1234, sha, "d/BankDetails/rib.pdf");

    [Fact]
    public void GivenASubmittedRequest_WhenTheOfficerAsksForDocuments_ThenTheRequestIsRecordedAndTheSilencePeriodStops()
    {
        var given = Given.SeedThrough(1);
        // The seed request was received on 2 May 2022: two months later.
        Assert.Equal(new DateOnly(2022, 7, 2), ImplicitDecision.RejectionDay(given.State));

        var events = given.When(Ask, At(2022, 5, 10));

        var asked = Assert.IsType<DocumentsRequested>(Assert.Single(events));
        Assert.Equal([DocumentKind.BankDetails], asked.Documents);
        Assert.Equal(new DateOnly(2022, 5, 10), asked.RequestedOn);
        Assert.Null(ImplicitDecision.RejectionDay(Workflow.Evolve(given.State, asked)));
    }

    [Fact]
    public void GivenAPendingRequest_WhenAnsweredBeforeAndAfterTheDocumentIsAttached_ThenRefusedNamingItThenTheSilencePeriodRunsFromTheAnswer()
    {
        var given = Given.SeedThrough(1).Apply(Ask, At(2022, 5, 10));

        var refusal = given.WhenRefused(new AnswerDocumentsRequest(""), At(2022, 5, 12), "documents.missing");
        Assert.Equal("documents", refusal.Field);
        Assert.Contains("le relevé d'identité bancaire (RIB)", refusal.Message);

        var answered = given.Apply(Rib(new string('b', 64)), At(2022, 5, 16)).When(new AnswerDocumentsRequest("Voici."), At(2022, 5, 16));
        var answer = Assert.IsType<DocumentsRequestAnswered>(Assert.Single(answered));
        var state = Workflow.Evolve(given.State, answer);
        Assert.Null(state.DocumentsRequest);
        Assert.Equal(new DateOnly(2022, 7, 16), ImplicitDecision.RejectionDay(state));
    }

    [Fact]
    public void GivenARequestPendingOrNone_WhenAskedAgainOrAnswered_ThenWrongStage()
    {
        Assert.Equal(RefusalKind.WrongStage, Given.SeedThrough(1).WhenRefused(new AnswerDocumentsRequest(""), At(2022, 5, 12), "documents.no-request").Kind);
        var pending = Given.SeedThrough(1).Apply(Ask, At(2022, 5, 10));
        Assert.Equal(RefusalKind.WrongStage, pending.WhenRefused(Ask, At(2022, 5, 11), "documents.request-pending").Kind);
        Assert.DoesNotContain(nameof(RequestDocuments), Workflow.AllowedCommands(pending.State));
        Assert.DoesNotContain(nameof(AnswerDocumentsRequest), Workflow.AllowedCommands(pending.State));
        Given.SeedThrough(2).WhenRefused(Ask, At(2022, 6, 11), "stage.wrong");
    }

    [Fact]
    public void GivenNoDocumentAndNoMessage_WhenAsked_ThenBothFieldsAreNamed()
    {
        var result = Workflow.Decide(Given.SeedThrough(1).State, new RequestDocuments([], " "), At(2022, 5, 10));

        Assert.Equal(["documents", "message"], result.Refusals.Select(r => r.Field));
    }
}
