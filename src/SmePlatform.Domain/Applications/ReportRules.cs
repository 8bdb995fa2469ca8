namespace SmePlatform.Domain.Applications;

/// <summary>What is wrong with the date of an invoice in a performance report (実績報告).</summary>
public enum InvoiceDateProblem
{
    None,

    /// <summary>Dated after the day it is reported on: an invoice that does not exist yet.</summary>
    AfterReportDay,

    /// <summary>Dated before the project's start or after its end: a cost of another time than the project's.</summary>
    OutsidePeriod,
}

/// <summary>What is wrong with the date of a recorded payment.</summary>
public enum PaymentDateProblem
{
    None,

    /// <summary>Dated after today: a payment is recorded once it is made.</summary>
    AfterToday,

    /// <summary>Dated before the latest invoice it pays for.</summary>
    BeforeInvoice,
}

/// <summary>
/// The dates of a performance report and its payment. An invoice is dated on or before the day it is reported (today,
/// in Japan, for the applicant; the day the report came in, for the reviewer who checks it later) and within the
/// project period; a payment is dated on or before today and not before the latest invoice it pays. Amounts are whole
/// yen of at least 1 (checked with the other fields of a line).
/// </summary>
public static class ReportRules
{
    /// <param name="invoiceDate">The invoice's date.</param>
    /// <param name="projectStart">The first day of the project period, when known.</param>
    /// <param name="projectEnd">The last day of the project period, when known.</param>
    /// <param name="reportDay">The day the report is made: today in Japan, or the day it was submitted.</param>
    public static InvoiceDateProblem Check(DateOnly invoiceDate, DateOnly? projectStart, DateOnly? projectEnd, DateOnly reportDay)
    {
        if (invoiceDate > reportDay)
        {
            return InvoiceDateProblem.AfterReportDay;
        }

        return invoiceDate < projectStart || invoiceDate > projectEnd ? InvoiceDateProblem.OutsidePeriod : InvoiceDateProblem.None;
    }

    /// <param name="paidOn">The day the payment was made.</param>
    /// <param name="latestInvoice">The latest date of the reported invoices, when there are any.</param>
    /// <param name="today">Today in Japan.</param>
    public static PaymentDateProblem CheckPayment(DateOnly paidOn, DateOnly? latestInvoice, DateOnly today)
    {
        if (paidOn > today)
        {
            return PaymentDateProblem.AfterToday;
        }

        return paidOn < latestInvoice ? PaymentDateProblem.BeforeInvoice : PaymentDateProblem.None;
    }
}
