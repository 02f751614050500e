using ClosedXML.Excel;
using ExpoPortal.Application.Results;

namespace ExpoPortal.Infrastructure.Reports;

/// <summary>The results report as an .xlsx workbook: a summary sheet, then one sheet per breakdown, headers in the reader's language.</summary>
public static class ResultsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ResultsReportView report, string language)
    {
        var ko = language.StartsWith("ko", StringComparison.OrdinalIgnoreCase);
        string L(string k, string e) => ko ? k : e;
        using var workbook = new XLWorkbook();

        var summary = workbook.Worksheets.Add(L("요약", "Summary"));
        Text(summary.Cell(1, 1), report.EventName.In(language));
        summary.Cell(1, 1).Style.Font.Bold = true;
        (string Label, object Value)[] lines =
        [
            (L("상담 건수", "Consultations held"), report.Totals.Consultations),
            (L("상담액 (USD)", "Consultation value (USD)"), report.Totals.ConsultationValueUsd),
            (L("계약 예상액 (USD)", "Expected contract value (USD)"), report.Totals.ExpectedContractValueUsd),
            (L("MOU 체결 건수", "MOUs signed"), report.Totals.Mous),
            (L("MOU 금액 (USD)", "MOU value (USD)"), report.Totals.MouValueUsd),
            (L("현장 방문 상담", "Walk-in consultations"), report.Totals.WalkIns),
            (L("불참", "No-shows"), report.Totals.NoShows),
            (L("부스", "Booths"), report.Turnout.Booths),
            (L("참가기업", "Exhibitors"), report.Turnout.Exhibitors),
            (L("회원 (명)", "Members"), report.Turnout.Members),
            (L("회원 국가 수", "Member countries"), report.Turnout.MemberCountries),
            (L("바이어 (명)", "Buyers"), report.Turnout.Buyers),
            (L("바이어 국가 수", "Buyer countries"), report.Turnout.BuyerCountries),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            Text(summary.Cell(3 + i, 1), lines[i].Label);
            var cell = summary.Cell(3 + i, 2);
            if (lines[i].Value is decimal d) { cell.Value = d; cell.Style.NumberFormat.Format = "#,##0"; }
            else cell.Value = (int)lines[i].Value;
        }
        summary.Column(1).Width = 32;
        summary.Column(2).Width = 18;

        Breakdown(workbook, L("지역별", "By region"), L("지역", "Region"), report.ByRegion, language, ko);
        Breakdown(workbook, L("산업별", "By industry"), L("산업", "Industry"), report.ByIndustry, language, ko);
        Breakdown(workbook, L("바이어 국가별", "By buyer country"), L("국가", "Country"), report.ByBuyerCountry, language, ko);
        Breakdown(workbook, L("기업별", "Per exhibitor"), L("참가기업", "Exhibitor"), report.ByExhibitor, language, ko);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Breakdown(XLWorkbook workbook, string sheet, string first, IReadOnlyList<ResultRow> rows, string language, bool ko)
    {
        var ws = workbook.Worksheets.Add(sheet);
        string[] headers = ko
            ? [first, "상담 건수", "상담액 (USD)", "계약 예상액 (USD)", "MOU 건수", "MOU 금액 (USD)", "현장 방문", "불참"]
            : [first, "Consultations", "Consultation value (USD)", "Expected contract value (USD)", "MOUs", "MOU value (USD)", "Walk-ins", "No-shows"];
        for (var c = 0; c < headers.Length; c++)
        {
            Text(ws.Cell(1, c + 1), headers[c]);
            ws.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            Text(ws.Cell(r + 2, 1), row.Label.In(language));
            ws.Cell(r + 2, 2).Value = row.Consultations;
            ws.Cell(r + 2, 3).Value = row.ConsultationValueUsd;
            ws.Cell(r + 2, 4).Value = row.ExpectedContractValueUsd;
            ws.Cell(r + 2, 5).Value = row.Mous;
            ws.Cell(r + 2, 6).Value = row.MouValueUsd;
            ws.Cell(r + 2, 7).Value = row.WalkIns;
            ws.Cell(r + 2, 8).Value = row.NoShows;
        }
        foreach (var c in new[] { 3, 4, 6 }) ws.Column(c).Style.NumberFormat.Format = "#,##0";
        ws.Column(1).Width = 40;
        for (var c = 2; c <= headers.Length; c++) ws.Column(c).Width = 16;
        ws.SheetView.FreezeRows(1);
    }

    /// <summary>
    /// A text cell. Company names come from exhibitors: one that starts like a formula gets a leading apostrophe,
    /// so no spreadsheet evaluates it (the OWASP advice for CSV and spreadsheet injection).
    /// </summary>
    private static void Text(IXLCell cell, string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;
        cell.SetValue(safe);
        cell.DataType = XLDataType.Text;
    }
}
