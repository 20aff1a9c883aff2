namespace Approvals.Finance;

/// <summary>
/// The text of a grant convention, ready to lay out: a title, the body as an ordered list of blocks (headings,
/// paragraphs, list items), the signature block and the annexed provisional budget. Written by
/// <see cref="ConventionDocument.Model"/>, rendered by <see cref="ConventionDocx"/> and <see cref="ConventionPdf"/>.
/// </summary>
public sealed record ConventionModel(
    string Title,
    string Subtitle,
    IReadOnlyList<ConventionBlock> Body,
    string SignaturePlace,
    IReadOnlyList<ConventionSignatory> Signatories,
    string AnnexTitle,
    ConventionBudgetTable Budget);

public enum ConventionBlockKind
{
    Heading,
    Paragraph,
    Bullet,
}

public sealed record ConventionBlock(ConventionBlockKind Kind, string Text);

/// <summary>One signature: the party, the signatory's capacity ("La Présidente") and name.</summary>
public sealed record ConventionSignatory(string Party, string Capacity, string Name);

public sealed record ConventionBudgetRow(string Label, decimal Amount);

public sealed record ConventionBudgetTable(
    IReadOnlyList<ConventionBudgetRow> Expenses,
    decimal TotalExpenses,
    IReadOnlyList<ConventionBudgetRow> Revenues,
    decimal TotalRevenues);
