namespace Approvals.Finance.Tests;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("Association =égalité", "Association =égalité")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_evaluate_is_neutralised(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Neutralise(value));

    [Fact]
    public void Cells_with_the_separator_quotes_or_line_breaks_are_quoted()
    {
        Assert.Equal("\"a;b\"", CsvCell.Text("a;b", ';'));
        Assert.Equal("a,b", CsvCell.Text("a,b", ';'));
        Assert.Equal("\"a,b\"", CsvCell.Text("a,b", ','));
        Assert.Equal("\"dit \"\"oui\"\"\"", CsvCell.Text("dit \"oui\"", ','));
        Assert.Equal("\"l1\nl2\"", CsvCell.Text("l1\nl2", ','));
        Assert.Equal("\"'=1+1;2\"", CsvCell.Text("=1+1;2", ';'));
    }

    [Fact]
    public void Our_own_negative_numbers_stay_numbers()
    {
        Assert.Equal("-12,50", CsvCell.Number("-12,50", ';'));
        Assert.Equal("\"-12,50\"", CsvCell.Number("-12,50", ','));
    }
}
