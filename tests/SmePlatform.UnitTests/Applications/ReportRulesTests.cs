using SmePlatform.Domain.Applications;

namespace SmePlatform.UnitTests.Applications;

public class ReportRulesTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // The walk-through: on 2026-12-08, invoices of a project starting 2027-02-01 (dated within it, but not issued yet).
    [InlineData("2027-03-15", "2027-02-01", "2027-09-30", "2026-12-08", InvoiceDateProblem.AfterReportDay)]
    [InlineData("2027-04-20", "2027-02-01", "2027-09-30", "2026-12-08", InvoiceDateProblem.AfterReportDay)]
    [InlineData("2026-12-01", "2027-02-01", "2027-09-30", "2026-12-08", InvoiceDateProblem.OutsidePeriod)]
    [InlineData("2027-12-01", "2027-02-01", "2027-09-30", "2027-12-08", InvoiceDateProblem.OutsidePeriod)]
    [InlineData("2027-01-31", "2027-02-01", "2027-09-30", "2027-10-15", InvoiceDateProblem.OutsidePeriod)]
    [InlineData("2027-10-01", "2027-02-01", "2027-09-30", "2027-10-15", InvoiceDateProblem.OutsidePeriod)]
    [InlineData("2027-02-01", "2027-02-01", "2027-09-30", "2027-10-15", InvoiceDateProblem.None)]
    [InlineData("2027-09-30", "2027-02-01", "2027-09-30", "2027-10-15", InvoiceDateProblem.None)]
    [InlineData("2027-05-10", "2027-02-01", "2027-09-30", "2027-05-10", InvoiceDateProblem.None)]
    [InlineData("2027-05-11", "2027-02-01", "2027-09-30", "2027-05-10", InvoiceDateProblem.AfterReportDay)]
    public void AnInvoice_IsDatedOnOrBeforeTheReportDay_AndWithinTheProjectPeriod(string invoice, string start, string end, string reportDay, InvoiceDateProblem expected) =>
        Assert.Equal(expected, ReportRules.Check(Day(invoice), Day(start), Day(end), Day(reportDay)));

    [Fact]
    public void AnInvoice_OfAProjectWithoutAPeriod_IsCheckedOnlyAgainstTheReportDay()
    {
        Assert.Equal(InvoiceDateProblem.None, ReportRules.Check(Day("2020-01-01"), null, null, Day("2026-12-08")));
        Assert.Equal(InvoiceDateProblem.AfterReportDay, ReportRules.Check(Day("2026-12-09"), null, null, Day("2026-12-08")));
    }

    [Theory]
    [InlineData("2027-11-30", "2027-09-30", "2027-12-01", PaymentDateProblem.None)]
    [InlineData("2027-09-30", "2027-09-30", "2027-12-01", PaymentDateProblem.None)]
    [InlineData("2027-09-29", "2027-09-30", "2027-12-01", PaymentDateProblem.BeforeInvoice)]
    [InlineData("2027-12-01", "2027-09-30", "2027-12-01", PaymentDateProblem.None)]
    [InlineData("2027-12-02", "2027-09-30", "2027-12-01", PaymentDateProblem.AfterToday)]
    [InlineData("2026-12-08", "2027-04-20", "2026-12-08", PaymentDateProblem.BeforeInvoice)]
    [InlineData("2027-01-05", null, "2027-12-01", PaymentDateProblem.None)]
    public void APayment_IsDatedOnOrBeforeToday_AndNotBeforeItsLatestInvoice(string paidOn, string? latestInvoice, string today, PaymentDateProblem expected) =>
        Assert.Equal(expected, ReportRules.CheckPayment(Day(paidOn), latestInvoice is null ? null : Day(latestInvoice), Day(today)));
}
