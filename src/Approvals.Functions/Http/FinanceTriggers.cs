using Approvals.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions;

/// <summary>
/// Budget lines, programmes, exports, and a dossier's convention and archive: the finance routes of the server, with
/// the roles its endpoints declare checked here first. The exports' loading is the Application's <c>ExportLoading</c>,
/// reached through the shared handlers.
/// </summary>
public sealed class FinanceTriggers(ApiTrigger api, FinanceServices finance)
{
    [Function("ListBudgetLines")]
    public Task<IActionResult> ListBudgetLines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "budget-lines")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await BudgetLinesApi.List(context, finance, ApiTrigger.Number(req, "year")));

    [Function("GetBudgetLine")]
    public Task<IActionResult> GetBudgetLine([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "budget-lines/{year:int}/{code}")] HttpRequest req, int year, string code) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await BudgetLinesApi.Get(year, code, context, finance));

    [Function("RebuildBudgetLedger")]
    public Task<IActionResult> RebuildBudgetLedger([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "budget-lines/rebuild")] HttpRequest req) =>
        api.RunAsync(req, FinanceApi.ManageBudget, async (context, _) => await BudgetLinesApi.Rebuild(context, finance));

    [Function("PutBudgetLine")]
    public Task<IActionResult> PutBudgetLine([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "budget-lines/{year:int}/{code}")] HttpRequest req, int year, string code) =>
        api.RunAsync(req, FinanceApi.ManageBudget, async (context, _) =>
            await BudgetLinesApi.Put(year, code, await JsonBody<BudgetLinesApi.BudgetLineBody>.BindAsync(context), context, finance));

    [Function("ListProgrammes")]
    public Task<IActionResult> ListProgrammes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programmes")] HttpRequest req) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await ProgrammesApi.List(context, finance));

    [Function("CreateProgramme")]
    public Task<IActionResult> CreateProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "programmes")] HttpRequest req) =>
        api.RunAsync(req, FinanceApi.ManageProgrammes, async (context, _) => await ProgrammesApi.Create(await JsonBody<Approvals.Application.Programme>.BindAsync(context), context, finance));

    [Function("GetProgramme")]
    public Task<IActionResult> GetProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programmes/{id}")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await ProgrammesApi.Get(id, context, finance));

    [Function("ProgrammeChart")]
    public Task<IActionResult> ProgrammeChart([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "programmes/{id}/chart.svg")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await ProgrammesApi.Chart(id, context, finance));

    [Function("FinanceCsv")]
    public Task<IActionResult> FinanceCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exports/finance.csv")] HttpRequest req) =>
        api.RunAsync(req, FinanceApi.Export, (context, _) => Task.FromResult<IResult>(ExportsApi.FinanceCsv(context, finance)));

    [Function("FinanceXlsx")]
    public Task<IActionResult> FinanceXlsx([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exports/finance.xlsx")] HttpRequest req) =>
        api.RunAsync(req, FinanceApi.Export, async (context, _) => await ExportsApi.FinanceXlsx(context, finance));

    [Function("ScdlCsv")]
    public Task<IActionResult> ScdlCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exports/scdl.csv")] HttpRequest req) =>
        api.RunAsync(req, FinanceApi.Export, async (context, _) => await ExportsApi.ScdlCsv(context, finance, ApiTrigger.Number(req, "year")));

    [Function("ConventionDocx")]
    public Task<IActionResult> ConventionDocx([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/convention.docx")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await DossierFilesApi.ConventionDocx(id, context, finance));

    [Function("ConventionPdf")]
    public Task<IActionResult> ConventionPdf([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/convention.pdf")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await DossierFilesApi.ConventionPdf(id, context, finance));

    [Function("DossierArchive")]
    public Task<IActionResult> DossierArchive([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dossiers/{id}/archive.zip")] HttpRequest req, string id) =>
        api.RunAsync(req, CommandRoutes.Read, async (context, _) => await DossierFilesApi.Archive(id, context, finance));
}
